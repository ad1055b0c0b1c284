using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Data.Knowledge;

namespace Outbound.Web.Tests.Security.Access;

/// <summary>
/// The knowledge base (一口清, issue 20): operator staff read the articles of their campaigns' clients and flag them; the
/// operator's editors publish, decide proposals and keep synonyms and policy changes. A client user reads and proposes
/// changes to its own tenant's articles only, attachments included.
/// </summary>
internal sealed class KnowledgeAccess : IAccessDeclarations
{
    private Guid _article;
    private Guid _attachment;

    /// <summary>One of the bank's demo articles, with a file attached by a campaign manager.</summary>
    public async Task PrepareAsync(AccessWorld world)
    {
        await using var connection = await world.Db.OpenConnectionAsync();
        _article = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM kb_articles WHERE tenant_id = @t ORDER BY id LIMIT 1",
            new { t = world.BankTenantId.Value });
        var manager = await world.ManagerAsOrderViewerAsync();
        var (attachment, problem, _) = await world.Services.GetRequiredService<KnowledgeStore>()
            .AttachAsync(manager, _article, "话术.txt", Encoding.UTF8.GetBytes("最低还款额 = 本金 10% + 利息"), DateTimeOffset.UtcNow);
        Assert.Null(problem);
        _attachment = attachment!.Value;
    }

    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Page("/Knowledge/Index", "/Knowledge", Who.OrderStaff).Post("Category", Who.KnowledgeEditors);
        map.Page("/Knowledge/Article", $"/Knowledge/Article?id={_article}", Who.OrderStaff, Scope.Campaign)
            .Get("Download", $"attachment={_attachment}")
            .Post("Attach", Who.KnowledgeEditors)
            .Post("Flag");
        // The desk's panel: JSON of the articles the caller may see.
        map.Page("/Knowledge/Desk/Api", "/Knowledge/Desk/Api", Who.OrderStaff, allowed: Outcome.NotFound)
            .Get("Suggest", $"campaign={world.BankCampaign}")
            .Get("Search", "q=信用卡")
            .Post("Flag");
        map.Page("/Knowledge/Edit", $"/Knowledge/Edit?id={_article}", Who.KnowledgeEditors, Scope.Campaign).Post("");
        map.Page("/Knowledge/Review", "/Knowledge/Review", Who.KnowledgeEditors).Post("Publish").Post("Decline").Post("ResolveFlag");
        map.Page("/Knowledge/Synonyms", "/Knowledge/Synonyms", Who.KnowledgeEditors).Post("").Post("Delete");
        map.Page("/Knowledge/Timeliness", "/Knowledge/Timeliness", Who.KnowledgeEditors).Post("");

        map.Page("/Client/Knowledge/Index", "/Client/Knowledge", Who.Clients);
        map.Page("/Client/Knowledge/Article", $"/Client/Knowledge/Article?id={_article}", Who.Clients, Scope.Tenant)
            .Get("Download", $"attachment={_attachment}")
            .Post("Propose");
        map.Page("/Client/Knowledge/Propose", "/Client/Knowledge/Propose", Who.Clients).Post("");
    }
}
