using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Billing;

/// <summary>Viewing a statement (page or PDF, operator or client) writes nothing; an Admin issues it with a POST, recorded with who and when.</summary>
[Collection(WebCollection.Name)]
public sealed class StatementIssueTests(OutboundWebFactory app)
{
    private const string Month = "2026-09";

    private async Task<(long Rows, string? IssuedBy)> IssuedAsync()
    {
        await using var cmd = app.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            SELECT count(*), max(s.issued_by) FROM statements s JOIN tenants t ON t.id = s.tenant_id WHERE t.code = 'demo-power' AND s.month = @m
            """);
        cmd.Parameters.AddWithValue("m", Month);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1));
    }

    [Fact]
    public async Task Viewing_writes_nothing_and_the_admins_issue_action_records_the_statement()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var page = $"/Billing/Statement?tenant=demo-power&month={Month}";
        Assert.Contains("id=\"statement-preview\"", await admin.GetPageAsync(page));
        Assert.Equal("application/pdf", (await admin.GetAsync($"/Billing/Statement?handler=Pdf&tenant=demo-power&month={Month}")).Content.Headers.ContentType?.MediaType);
        var client = await app.SignedInAs("client@demo-power.local");
        Assert.Contains("closing-balance", await client.GetPageAsync($"/Client/Statement?tenant=demo-power&month={Month}"));
        Assert.Equal((0L, (string?)null), await IssuedAsync());

        var issue = await admin.PostFormAsync(page, [new("tenant", "demo-power"), new("month", Month)], "/Billing/Statement?handler=Issue");
        Assert.Equal(HttpStatusCode.Redirect, issue.StatusCode);
        Assert.Equal((1L, "admin@demo.local"), await IssuedAsync());
        Assert.Contains("id=\"statement-issued\"", await client.GetPageAsync($"/Client/Statement?tenant=demo-power&month={Month}"));
    }
}
