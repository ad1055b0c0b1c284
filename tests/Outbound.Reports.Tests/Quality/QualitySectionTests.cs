using Dapper;
using Outbound.Core.Tenants;
using Outbound.Data;
using Outbound.Data.Demo;
using Outbound.Data.Performance;
using Outbound.Data.Quality;
using Outbound.Data.Tenants;
using Outbound.Reports.Performance;
using Outbound.Reports.Tests.Support;
using Outbound.Testing;

namespace Outbound.Reports.Tests.Quality;

/// <summary>The client performance PDF's quality section, read back from a real PDF.</summary>
public sealed class QualitySectionTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        var tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-bank", "示范银行");
        var campaign = await BillingSeed.CampaignAsync(_db.DataSource, tenant, "bank-collect-1", DemoCampaigns.Bank.Settings);
        var scorer = Guid.NewGuid();
        await TestUsers.InsertAsync(_db.DataSource, scorer);
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        // Ten weeks of March–May 2026, three evaluations a week: scores 60–99, one critical fail, and one calibration score that must not count.
        await connection.ExecuteAsync("""
            INSERT INTO qa_forms (id, tenant_id, campaign_id, created_at) VALUES (@form, @tenant, @campaign, now());
            INSERT INTO qa_form_versions (form_id, version, name, definition, saved_at) VALUES (@form, 1, 'f', '{}', now());
            INSERT INTO qa_evaluations (id, tenant_id, campaign_id, call_id, call_at, agent, scorer, form_id, form_version, answers, score, band,
                critical_failed, state, submitted_at)
            SELECT gen_random_uuid(), @tenant, @campaign, gen_random_uuid(), timestamptz '2026-03-02 10:00+08' + (w * 7 + k * 2) * interval '1 day', 'agent' || k,
                   @scorer, @form, 1, '[]', s, CASE WHEN s >= 90 THEN 'excellent' WHEN s >= 80 THEN 'good' WHEN s >= 60 THEN 'pass' ELSE 'fail' END,
                   w = 3 AND k = 0, 'submitted', now()
            FROM generate_series(0, 9) w, generate_series(0, 2) k, LATERAL (SELECT (60 + (w * 13 + k * 7) % 40)::numeric AS s) x;
            INSERT INTO qa_calibrations (id, tenant_id, campaign_id, name, form_id, lead_id, tolerance, created_at)
            VALUES (@session, @tenant, @campaign, 'c', @form, @scorer, 5, now());
            INSERT INTO qa_evaluations (id, tenant_id, campaign_id, call_id, call_at, agent, scorer, form_id, form_version, calibration_id, answers, score, band,
                critical_failed, state, submitted_at)
            VALUES (gen_random_uuid(), @tenant, @campaign, gen_random_uuid(), '2026-03-10 10:00+08', 'agent9', @scorer, @form, 1, @session, '[]', 5, 'fail', false, 'calibration', now());
            """, new { form = Guid.NewGuid(), session = Guid.NewGuid(), tenant = tenant.Value, campaign = campaign.Value, scorer });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task The_performance_pdf_shows_sample_size_mean_score_bands_and_the_weekly_control_chart()
    {
        var db = _db.DataSource;
        var source = new PerformanceReportDataSource(new PerformanceQueries(db), new TenantRepository(db), TimeProvider.System,
            quality: new QualitySummaries(db, new QualityCharts(db), CenterTime.China));
        var model = (await source.LoadAsync("bank-collect-1", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31), TenantScope.AllTenants))!;
        var q = model.Quality!;
        Assert.Equal(30, q.Evaluated);
        Assert.Equal(1, q.CriticalFailed);
        Assert.Equal(10, q.WeeklyChart.Points.Count);
        Assert.Equal(30, q.Bands.Values.Sum());
        var expectedMean = Enumerable.Range(0, 10).SelectMany(w => Enumerable.Range(0, 3).Select(k => 60 + (w * 13 + k * 7) % 40)).Average();
        Assert.Equal(expectedMean, q.MeanScore!.Value, 6);

        var text = PdfText.Squeeze(PdfText.All(new PerformanceReportDocument(model).GeneratePdf()));
        Assert.Contains("质检Qualityassurance", text);
        Assert.Contains("平均得分Meanscore", text);
        Assert.Contains(expectedMean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), text);
        Assert.Contains("优秀Excellent", text);
        Assert.Contains("每周质检得分控制图", text);
    }
}
