using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Outbound.Web.Tests.Quality;

/// <summary>Bad input on the quality pages gets a clear message in the user's language and saves nothing.</summary>
public sealed class QualityPagesTests(QualityWebFactory app) : IClassFixture<QualityWebFactory>
{
    private async Task<int> CountAsync(string sql)
    {
        await using var connection = await app.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(string scope, string label, decimal weight, (decimal From, decimal To) excellent) =>
    [
        new("Input.Scope", scope), new("Input.Name", "测试评分表"), new("Input.Mode", "ScoreZero"),
        new("Input.Sections[a].Title", "开场"),
        new("Input.Sections[a].Items[x].Label", label), new("Input.Sections[a].Items[x].Kind", "YesNo"),
        new("Input.Sections[a].Items[x].Weight", weight.ToString()), new("Input.Sections[a].Items[x].AllowNa", "true"),
        new("Input.Bands[0].Band", "Excellent"), new("Input.Bands[0].From", excellent.From.ToString()), new("Input.Bands[0].To", excellent.To.ToString()),
        new("Input.Bands[1].Band", "Good"), new("Input.Bands[1].From", "80"), new("Input.Bands[1].To", "90"),
        new("Input.Bands[2].Band", "Pass"), new("Input.Bands[2].From", "60"), new("Input.Bands[2].To", "80"),
        new("Input.Bands[3].Band", "Fail"), new("Input.Bands[3].From", "0"), new("Input.Bands[3].To", "60"),
    ];

    [Fact]
    public async Task A_form_with_bad_weights_an_unlabelled_item_and_overlapping_bands_is_refused_with_every_reason_and_nothing_saved()
    {
        var qa = await app.SignedInAs("qa2@demo.local");
        var scope = $"c:{app.Demo.Campaigns[Data.Demo.DemoCampaigns.BankCollections].Value}";
        var before = await CountAsync("SELECT count(*) FROM qa_form_versions");
        var response = await qa.PostFormAsync("/Quality/Forms/Edit", Form(scope, "", 90, (85, 100)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("权重合计为 90,应为 100", page);
        Assert.Contains("评分项 1.1 缺少名称", page);
        Assert.Contains("分数范围重叠", page);
        Assert.Equal(before, await CountAsync("SELECT count(*) FROM qa_form_versions"));

        var saved = await qa.PostFormAsync("/Quality/Forms/Edit", Form(scope, "自报工号", 100, (90, 100)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, await CountAsync("SELECT count(*) FROM qa_form_versions"));
    }

    [Fact]
    public async Task A_plan_larger_than_the_calls_available_names_the_agents_and_saves_nothing()
    {
        var qa = await app.SignedInAs("qa2@demo.local");
        var bank = app.Demo.Campaigns[Data.Demo.DemoCampaigns.BankCollections].Value;
        var month = DateTimeOffset.UtcNow.AddDays(-2).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM");
        var response = await qa.PostFormAsync("/Quality/Plans", [new("Input.Campaign", bank.ToString()), new("Input.Kind", "month"),
            new("Input.Month", month), new("Input.PerAgent", "5"), new("Input.MinTalkSeconds", "10"), new("Input.TalkBands", "60,180,600")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("计划超出可抽通话", page);
        Assert.Contains("坐席 1 号", page);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM qa_plans"));
    }

    [Fact]
    public async Task Each_role_reaches_only_its_quality_pages()
    {
        var (qa, supervisor) = (await app.SignedInAs("qa@demo.local"), await app.SignedInAs("supervisor@demo.local"));
        var (agent, client) = (await app.SignedInAs("agent1@demo.local"), await app.SignedInAs("client@demo-power.local"));
        foreach (var page in new[] { "/Quality", "/Quality/Plans", "/Quality/Forms", "/Quality/Calibrations", "/Quality/Charts" })
        {
            Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(page)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync(page)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/Agent/Quality")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await qa.GetAsync("/Agent/Quality")).StatusCode);
        // A supervisor may read results but not score.
        Assert.NotEqual(HttpStatusCode.OK, (await supervisor.GetAsync($"/Quality/Score?call={app.BankCall}")).StatusCode);
    }

    [Fact]
    public async Task The_scoring_page_names_the_calls_result_and_outcome_in_words_not_codes()
    {
        var refused = Outbound.Data.Demo.DemoCampaigns.Bank.Settings.Dispositions.Single(d => d.Code == "refused").Label;
        var html = await (await (await app.SignedInAs("qa@demo.local")).GetAsync($"/Quality/Score?call={app.BankCall}")).Content.ReadAsStringAsync();
        var record = html[html.IndexOf("id=\"call-record\"", StringComparison.Ordinal)..];
        Assert.Contains($"<dd>{System.Net.WebUtility.HtmlEncode(refused)}</dd>", record);
        Assert.Contains("<dd>已接听</dd>", record);
        Assert.DoesNotContain("<dd>refused</dd>", record);
        Assert.DoesNotContain("<dd>Answered</dd>", record);
    }
}
