using System.Text;
using System.Text.Json;
using Outbound.Core.Campaigns;
using Outbound.Core.Performance;
using Outbound.Testing;
using Outbound.Cli.Tests.Support;

namespace Outbound.Cli.Tests.Commands;

/// <summary><c>collections repayments</c> as the real executable: one JSON object, refused lines on stderr, a re-run adds nothing.</summary>
public sealed class CollectionsCommandsTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("outbound-repay-").FullName;

    static CollectionsCommandsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task A_gbk_repayment_file_is_applied_once_and_its_refused_line_reported()
    {
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-bank");
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "bank-collect-1", new CampaignSettings());
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 2);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        await BillingSeed.PromiseAsync(_db.DataSource, tenant, campaign, new PromiseFact(leads[0], "a1", 300m, due, null), DateTimeOffset.UtcNow.AddDays(-2));
        var file = Path.Combine(_folder, "回盘.csv");
        var paidOn = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await File.WriteAllBytesAsync(file, Encoding.GetEncoding("gb18030").GetBytes($"手机号,还款金额,还款日期\n13900000001,300,{paidOn}\n13900000009,10,{paidOn}\n"));

        var (code, stdout, stderr) = await CliProcess.RunAsync(_db.ConnectionString,
            "collections", "repayments", "--tenant", "demo-bank", "--campaign", "bank-collect-1", "--file", file, "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal((2, 1, 1, 1, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("applied").GetInt32(), json.GetProperty("rejected").GetInt32(),
            json.GetProperty("newly_kept").GetInt32(), json.GetProperty("kept").GetInt32()));
        Assert.Contains("line 3:", stderr);

        var again = JsonDocument.Parse((await CliProcess.RunAsync(_db.ConnectionString,
            "collections", "repayments", "--tenant", "demo-bank", "--campaign", "bank-collect-1", "--file", file, "--json")).Stdout).RootElement;
        Assert.Equal((0, 1), (again.GetProperty("applied").GetInt32(), again.GetProperty("already_known").GetInt32()));
    }
}
