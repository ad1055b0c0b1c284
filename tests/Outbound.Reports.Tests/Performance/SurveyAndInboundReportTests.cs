using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Leads;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data.Demo;
using Outbound.Data.Desk;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Reports.Contracts;
using Outbound.Reports.Performance;
using Outbound.Reports.Tests.Support;
using Outbound.Testing;

namespace Outbound.Reports.Tests.Performance;

public sealed class SurveyAndInboundReportTests : IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private static readonly DateOnly Day = new(2026, 4, 8);
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private PerformanceReportDataSource Source() => new(new PerformanceQueries(_db.DataSource), new TenantRepository(_db.DataSource), TimeProvider.System);

    [Fact]
    public async Task Survey_answers_are_read_from_the_database_and_shown_per_question()
    {
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-power", "示范供电公司");
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "power-survey-1", DemoCampaigns.Power.Settings, CampaignKind.CallbackSurvey);
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 4);
        var at = new DateTimeOffset(2026, 4, 8, 10, 0, 0, Cn);
        await BillingSeed.CallsAsync(_db.DataSource, tenant, campaign, leads.Select(lead =>
            new CallFact(lead, at, at.AddSeconds(5), at.AddSeconds(6), at.AddSeconds(90), at.AddSeconds(100), CallOutcome.Answered, false, "completed", "a1", 10)));
        await BillingSeed.SurveyAsync(_db.DataSource, tenant, campaign, new SurveyResponseFact(leads[0], true, new Dictionary<string, IReadOnlyList<string>> { ["owner"] = ["是"], ["overall"] = ["非常满意"] }), at);
        await BillingSeed.SurveyAsync(_db.DataSource, tenant, campaign, new SurveyResponseFact(leads[1], true, new Dictionary<string, IReadOnlyList<string>> { ["owner"] = ["是"], ["overall"] = ["满意"] }), at);
        await BillingSeed.SurveyAsync(_db.DataSource, tenant, campaign, new SurveyResponseFact(leads[2], false, new Dictionary<string, IReadOnlyList<string>> { ["owner"] = ["否"] }), at);

        var model = (await Source().LoadAsync("power-survey-1", Day, Day, TenantScope.AllTenants))!;
        Assert.Equal(new Ratio(2, 4), model.Figures.Survey.CompletionRate);       // 4 right-party contacts
        Assert.Equal(2, model.Figures.Survey.AnswersByQuestion["owner"]["是"]);

        var text = PdfText.All(new PerformanceReportDocument(model).GeneratePdf());
        Assert.Contains("回访问卷Survey", text);
        Assert.Contains("问卷完成率Completionrate50.0%(2/4)", text);
        Assert.Contains("请问您是工单登记的联系人本人吗?", text.Replace("？", "?"));
        Assert.Contains("非常满意", text);
    }

    [Fact]
    public async Task Inbound_campaign_calls_give_service_level_asa_and_abandon()
    {
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "hotline", "热线客户");
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "hotline-1", new CampaignSettings(), CampaignKind.Inbound);
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 3);
        var queued = new DateTimeOffset(2026, 4, 8, 9, 0, 0, Cn);
        CallFact[] calls =
        [
            new(leads[0], queued, queued, queued.AddSeconds(10), queued.AddSeconds(130), queued.AddSeconds(150), CallOutcome.Answered, false, null, "a1", 9),
            new(leads[1], queued, queued, queued.AddSeconds(40), queued.AddSeconds(100), queued.AddSeconds(100), CallOutcome.Answered, false, null, "a2", 9),
            new(leads[2], queued, queued, null, queued.AddSeconds(30), null, CallOutcome.Abandoned, true, null, null, 9),
        ];
        // As the queue writes them: inbound_calls rows, one per caller.
        var log = new InboundCallLog(_db.DataSource);
        foreach (var c in calls)
            await log.RecordAsync(new InboundCallRecord(Guid.CreateVersion7(), tenant, campaign, "+8613800000000", new LeadId(c.LeadId), 0, null,
                c.StartedAt, c.ConnectedAt, c.EndedAt, c.Agent, c.Abandoned ? "abandoned" : "answered", c.Disposition, c.WrapEndedAt, null));

        var inbound = (await Source().LoadAsync("hotline-1", Day, Day, TenantScope.AllTenants))!.Figures.Inbound;
        Assert.Equal(3, inbound.Offered);
        Assert.Equal(new Ratio(1, 3), inbound.ServiceLevel);
        Assert.Equal(TimeSpan.FromSeconds(25), inbound.AverageSpeedOfAnswer);
        Assert.Equal(TimeSpan.FromSeconds(100), inbound.AverageHandleTime);        // (140 + 60) / 2
        Assert.Equal(new Ratio(1, 3), inbound.AbandonRate);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(24, "二十四")]
    [InlineData(30, "三十")]
    [InlineData(120, "120")]
    public void Contract_numbers_are_written_in_chinese_numerals(int n, string text) => Assert.Equal(text, ChineseNumerals.Of(n));
}
