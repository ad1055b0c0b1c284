using Outbound.Core.Campaigns;
using Outbound.Core.Identity;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data.Demo;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Reports.Performance;
using Outbound.Reports.Tests.Support;
using Outbound.Testing;

namespace Outbound.Reports.Tests.Performance;

/// <summary>The client's report names the agents: people by their name, demo bots as bots, never an internal id.</summary>
public sealed class AgentNamesTests : IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private readonly PgTestDatabase _db = new();
    private readonly Guid _person = Guid.NewGuid();
    private readonly string _bot = BotAgents.Id("bank-collect-1", 5);

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await TestUsers.InsertAsync(_db.DataSource, _person, displayName: "王晓明");
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-bank", "示范银行");
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "bank-collect-1", DemoCampaigns.Bank.Settings);
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 4);
        var at = new DateTimeOffset(2026, 3, 10, 10, 0, 0, Cn);
        CallFact Talk(int lead, string agent, string disposition) =>
            new(leads[lead], at.AddMinutes(lead), at.AddMinutes(lead).AddSeconds(5), at.AddMinutes(lead).AddSeconds(6), at.AddMinutes(lead).AddSeconds(90),
                at.AddMinutes(lead).AddSeconds(120), CallOutcome.Answered, false, disposition, agent, 10);
        await BillingSeed.CallsAsync(_db.DataSource, tenant, campaign,
            [Talk(0, _person.ToString(), "promise_to_pay"), Talk(1, _person.ToString(), "refused"), Talk(2, _bot, "paid"), Talk(3, _bot, "third_party")]);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<PerformanceReportModel> ModelAsync() =>
        (await new PerformanceReportDataSource(new PerformanceQueries(_db.DataSource), new TenantRepository(_db.DataSource), TimeProvider.System)
            .LoadAsync("bank-collect-1", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), TenantScope.AllTenants))!;

    [Fact]
    public async Task The_pdf_names_the_human_agent_and_the_bot_and_shows_no_ids()
    {
        var text = PdfText.All(new PerformanceReportDocument(await ModelAsync()).GeneratePdf(charts: false));

        Assert.Contains("王晓明", text);
        Assert.Contains("演示机器人5号", text);
        Assert.DoesNotContain(_person.ToString()[..8], text);
        Assert.DoesNotContain("-bot5", text);
    }

    [Fact]
    public async Task The_model_knows_who_each_agent_is()
    {
        var model = await ModelAsync();

        Assert.Equal("王晓明", model.NameOf(_person.ToString()).DisplayName);
        Assert.Equal(5, model.NameOf(_bot).BotNumber);
        // Promise, refusal and "paid" reached the debtor; a third party did not.
        Assert.Equal(new Ratio(3, 4), model.Figures.RightPartyContactRate);
    }
}
