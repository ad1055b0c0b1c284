using System.Globalization;
using NodaTime;
using Outbound.Core.Campaigns;
using Outbound.Core.Collections;
using Outbound.Core.Performance;
using Outbound.Core.Tenants;
using Outbound.Data.Demo;
using Outbound.Data.Performance;
using Outbound.Data.Tenants;
using Outbound.Reports.Performance;
using Outbound.Reports.Tests.Support;
using Outbound.Testing;

namespace Outbound.Reports.Tests.Performance;

public sealed class PerformanceReportTests : IAsyncLifetime
{
    private static readonly TimeSpan Cn = TimeSpan.FromHours(8);
    private static readonly DateOnly From = new(2026, 3, 1), To = new(2026, 3, 31);
    private readonly PgTestDatabase _db = new();
    private TenantId _tenant = null!;
    private CampaignId _campaign = null!;
    private readonly List<CallFact> _calls = [];
    private readonly List<PromiseFact> _promises = [];

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-bank", "示范银行");
        _campaign = await BillingSeed.CampaignAsync(_db.DataSource, _tenant, "bank-collect-1", DemoCampaigns.Bank.Settings);
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, _tenant, _campaign, 400);
        var random = new Random(7);
        string[] dispositions = ["promise_to_pay", "paid", "refused", "third_party", "callback", "wrong_number"];
        for (var i = 0; i < 1500; i++)
        {
            var lead = leads[random.Next(leads.Length)];
            var at = new DateTimeOffset(2026, 3, 1 + random.Next(31), 8 + random.Next(13), random.Next(60), 0, Cn);
            var roll = random.NextDouble();
            var region = random.Next(3) switch { 0 => "CN-31", 1 => "CN-44", _ => (string?)null };
            _calls.Add((roll switch
            {
                < 0.45 => new CallFact(lead, at, null, null, at.AddSeconds(30), null, CallOutcome.NoAnswer, false, null, null, at.Hour),
                < 0.50 => new CallFact(lead, at, at.AddSeconds(6), null, at.AddSeconds(8), null, CallOutcome.Abandoned, true, null, null, at.Hour),
                < 0.55 => new CallFact(lead, at, null, null, at.AddSeconds(5), null, CallOutcome.Busy, false, null, null, at.Hour),
                _ => new CallFact(lead, at, at.AddSeconds(6), at.AddSeconds(7), at.AddSeconds(7 + random.Next(30, 300)), at.AddSeconds(330),
                    CallOutcome.Answered, false, dispositions[random.Next(dispositions.Length)], $"agent{random.Next(1, 9)}", at.Hour),
            }) with { Region = region });
        }
        await BillingSeed.CallsAsync(_db.DataSource, _tenant, _campaign, _calls);
        foreach (var call in _calls.Where(c => c.Disposition == "promise_to_pay"))
        {
            var promise = new PromiseFact(call.LeadId, call.Agent, 100m + call.LeadId % 50 * 10, DateOnly.FromDateTime(call.StartedAt.Date).AddDays(3),
                call.LeadId % 3 == 0 ? DateOnly.FromDateTime(call.StartedAt.Date).AddDays(2) : null);
            _promises.Add(promise);
            await BillingSeed.PromiseAsync(_db.DataSource, _tenant, _campaign, promise, call.StartedAt);
        }
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private PerformanceReportDataSource Source() =>
        new(new PerformanceQueries(_db.DataSource), new TenantRepository(_db.DataSource), TimeProvider.System);

    private PerformanceFigures Expected()
    {
        var tally = new PerformanceTally(DemoCampaigns.Bank.Settings.Dispositions, 0.03m, DateTimeZoneProviders.Tzdb["Asia/Shanghai"],
            DateOnly.FromDateTime(DateTime.UtcNow), promiseGraceDays: PromiseKeeping.DefaultGraceDays);
        foreach (var call in _calls) tally.Add(call);
        foreach (var promise in _promises) tally.Add(promise);
        // Contacts: connected calls, each with the same lead's next connected call (one number per lead here, no work orders).
        var connected = _calls.Where(c => c.ConnectedToAgent).ToList();
        foreach (var call in connected)
            tally.Add(new Outbound.Core.WorkOrders.ContactFact(call.StartedAt,
                connected.Where(o => o.LeadId == call.LeadId && o.StartedAt > call.StartedAt).Select(o => (DateTimeOffset?)o.StartedAt).Min(), null));
        return tally.Result();
    }

    [Fact]
    public async Task Report_figures_read_from_the_database_equal_cores_on_the_same_calls()
    {
        var model = (await Source().LoadAsync("bank-collect-1", From, To, TenantScope.AllTenants))!;
        var expected = Expected();
        Assert.Equal(1500, model.Figures.Attempts);
        Assert.Equal(expected.Attempts, model.Figures.Attempts);
        Assert.Equal(expected.ContactRate, model.Figures.ContactRate);
        Assert.Equal(expected.RightPartyContactRate, model.Figures.RightPartyContactRate);
        Assert.Equal(expected.AbandonByDay, model.Figures.AbandonByDay);
        Assert.Equal(expected.Promises, model.Figures.Promises);
        Assert.Equal(expected.FirstContactResolution, model.Figures.FirstContactResolution);
        Assert.Equal(expected.AverageHandleTime, model.Figures.AverageHandleTime);
        Assert.Equal(expected.Agents, model.Figures.Agents);
        Assert.Equal(expected.ContactRateByRegion.OrderBy(r => r.Key), model.Figures.ContactRateByRegion.OrderBy(r => r.Key));
    }

    [Fact]
    public async Task Report_pdf_shows_the_chinese_headings_and_cores_figures()
    {
        var model = (await Source().LoadAsync("bank-collect-1", From, To, TenantScope.AllTenants))!;
        var expected = Expected();
        var pdf = new PerformanceReportDocument(model).GeneratePdf();
        if (Environment.GetEnvironmentVariable("OUTBOUND_REPORT_DUMP") is { Length: > 0 } dump) File.WriteAllBytes(dump, pdf); // to look at by eye
        var pages = PdfText.Pages(pdf);
        var text = string.Concat(pages);
        foreach (var heading in new[] { "外呼项目绩效报告", "呼叫结果Calloutcomes", "处置结果Dispositions", "催收承诺Promisestopay", "每日放弃率Abandonrateperday",
                     "坐席表现Agents", "最佳拨打时间", "地区联系率Contactratebyregion" })
            Assert.Contains(heading, text);
        Assert.Contains("外呼次数Attempts", text);
        Assert.Contains(PerformanceReportDocument.Count(expected.Attempts) + "外呼次数", text);
        Assert.Contains(expected.ContactRate.Percent() + "联系率Contactrate", text);
        Assert.Contains(expected.RightPartyContactRate.Percent() + "本人联系率RPCrate", text);
        Assert.Contains(expected.FirstContactResolution.Percent() + "一次解决率FCR", text);
        Assert.Contains(PerformanceReportDocument.Yuan(expected.Promises.Amount) + "承诺金额", text);
        Assert.Contains(expected.Promises.KeptRate.Percent() + "履约率", text);
        var firstDay = expected.AbandonByDay[0];
        Assert.Contains($"2026-03-01{firstDay.Rate.Part}{firstDay.Rate.Whole}{firstDay.Rate.Percent(2)}3.0%", text);
        Assert.Contains("承诺还款", text);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"第{i + 1}/{pages.Count}页", pages[i]);
    }

    [Fact]
    public async Task A_campaign_of_another_client_is_not_reported()
    {
        var other = await BillingSeed.TenantAsync(_db.DataSource, "other-client");
        Assert.Null(await Source().LoadAsync("bank-collect-1", From, To, TenantScope.For(other)));
    }

    [BenchmarkFact]
    public async Task Benchmark_one_month_report_of_200000_call_records()
    {
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "bench-co");
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "bench-1", DemoCampaigns.Bank.Settings);
        var leads = await BillingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 20_000);
        var random = new Random(3);
        var calls = Enumerable.Range(0, 200_000).Select(i =>
        {
            var at = new DateTimeOffset(2026, 3, 1 + i % 31, 8 + i % 13, i % 60, 0, Cn);
            return random.NextDouble() < 0.5
                ? new CallFact(leads[i % leads.Length], at, null, null, at.AddSeconds(30), null, CallOutcome.NoAnswer, false, null, null, at.Hour)
                : new CallFact(leads[i % leads.Length], at, at.AddSeconds(5), at.AddSeconds(6), at.AddSeconds(120), at.AddSeconds(140),
                    CallOutcome.Answered, false, "refused", $"agent{i % 40}", at.Hour);
        });
        await BillingSeed.CallsAsync(_db.DataSource, tenant, campaign, calls);
        await using (var analyze = _db.DataSource.CreateCommand("ANALYZE call_records")) await analyze.ExecuteNonQueryAsync();
        new PerformanceReportDocument((await Source().LoadAsync("bench-1", From, To, TenantScope.AllTenants))!).GeneratePdf(); // warm up

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var model = (await Source().LoadAsync("bench-1", From, To, TenantScope.AllTenants))!;
        var queried = watch.Elapsed;
        var pdf = new PerformanceReportDocument(model).GeneratePdf();
        var total = watch.Elapsed;
        Assert.Equal(200_000, model.Figures.Attempts);

        var layer = System.Diagnostics.Stopwatch.StartNew();
        var pages = 0;
        for (var i = 0; i < 10; i++) pages += PdfPages(new PerformanceReportDocument(model).GeneratePdf(charts: false));
        var pagesPerSecond = pages / layer.Elapsed.TotalSeconds;
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "outbound-report-bench.txt"), string.Create(CultureInfo.InvariantCulture,
            $"records=200000 query_s={queried.TotalSeconds:F3} total_s={total.TotalSeconds:F3} pdf_bytes={pdf.Length} pages_per_s={pagesPerSecond:F1}\n"));
    }

    private static int PdfPages(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }
}
