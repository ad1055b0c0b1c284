using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Knowledge;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data;
using Outbound.Data.Knowledge;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Data.WorkOrders;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Knowledge.Pages;

/// <summary>
/// 知识库及时率 per client per month, with the policy changes behind it; editors register a change the client announced
/// outside the portal (phone, letter, e-mail) with its time and target.
/// </summary>
[Authorize(Policy = Policies.KnowledgeEdit)]
public sealed class TimelinessModel(CurrentViewer viewers, KnowledgeStore store, ServiceMetricsQueries metrics, TenantRepository tenants, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Tenant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> Tenants { get; private set; } = [];
    public IReadOnlyList<PolicyChangeView> Changes { get; private set; } = [];
    public Ratio Rate { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? title, int? targetHours, DateTime? registeredAt, CancellationToken ct)
    {
        if (Tenant is not { } tenant) return NotFound();
        var at = registeredAt is { } local ? CenterTime.China.ToInstant(local) : clock.GetUtcNow();
        var (_, problem) = await store.RegisterChangeAsync(await viewers.GetAsync(ct), tenant, title ?? "", targetHours ?? 24, at, ct);
        if (problem is null) return Redirect($"/Knowledge/Timeliness?tenant={tenant}&month={Month}");
        Error = KnowledgeTexts.Problem(problem.Value);
        await LoadAsync(ct);
        return Page();
    }

    public string Outcome(PolicyChangeView change) => KnowledgeTimeliness.OnTime(
        new PolicyChangeFact(change.RegisteredAt, change.PublishedAt, TimeSpan.FromHours(change.TargetHours)), Now) switch
    {
        true => KnowledgeTexts.OnTime,
        false => KnowledgeTexts.Late,
        null => KnowledgeTexts.Pending,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tenants = (await tenants.ListAsync(TenantScope.AllTenants, ct)).Select(t => (t.Id.Value, t.Name)).ToList();
        Tenant ??= Tenants.FirstOrDefault().Id;
        var today = CenterTime.China.Day(Now);
        var first = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        Month = first.ToString("yyyy-MM");
        if (Tenant is not { } tenant) return;
        var (start, end) = PerformanceQueries.Period(first, first.AddMonths(1).AddDays(-1));
        Changes = await store.ChangesAsync(tenant, start, end, ct);
        Rate = await metrics.TimelinessAsync(tenant, start, end, Now, ct);
    }
}
