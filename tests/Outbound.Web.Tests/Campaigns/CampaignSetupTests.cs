using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Campaigns;
using Outbound.Data.Demo;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Campaigns;

[Collection(WebCollection.Name)]
public sealed class CampaignSetupTests(OutboundWebFactory app)
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, CampaignSettingsJson.Options);

    /// <summary>Same definition, whatever order jsonb gave the retry dictionary's keys.</summary>
    private static void AssertSame(CampaignDefinition expected, CampaignDefinition actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json(expected)), JsonNode.Parse(Json(actual))), $"{Json(expected)}\n!=\n{Json(actual)}");

    /// <summary>The form as the page's script posts it.</summary>
    private static Dictionary<string, string> Form(CampaignDefinition c, Guid? tenant = null)
    {
        var s = c.Settings;
        var fields = new Dictionary<string, string>
        {
            ["Form.Code"] = c.Code, ["Form.Name"] = c.Name, ["Form.Kind"] = c.Kind.ToString(), ["Form.DialMode"] = c.DialMode.ToString(),
            ["Form.Regulator"] = s.Regulator.ToString(),
            ["Form.AbandonCapPercent"] = (s.AbandonCap * 100m).ToString(CultureInfo.InvariantCulture),
            ["Form.AbandonWindowHours"] = s.AbandonWindowHours.ToString(CultureInfo.InvariantCulture),
            ["Form.MaxAttempts"] = s.MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Form.CallerId"] = s.CallerId, ["Form.Script"] = s.Script,
            ["Form.WrapUpSeconds"] = s.WrapUpSeconds.ToString(CultureInfo.InvariantCulture),
            ["Form.PreviewCountdownSeconds"] = s.PreviewCountdownSeconds.ToString(CultureInfo.InvariantCulture),
            ["Form.AmdEnabled"] = s.AmdEnabled ? "true" : "false", ["Form.RecordCalls"] = s.RecordCalls ? "true" : "false",
            ["Form.CallingWindowsJson"] = Json(s.CallingWindows), ["Form.RetryDelaysJson"] = Json(s.RetryDelayMinutes),
            ["Form.CustomFieldsJson"] = Json(s.CustomFields), ["Form.DispositionsJson"] = Json(s.Dispositions),
            ["Form.QuestionnaireJson"] = Json(s.Questionnaire),
        };
        if (tenant is { } t) fields["TenantId"] = t.ToString();
        return fields;
    }

    private static CampaignDefinition EverySettingChanged(string code) => new(code, "保险续期回访", CampaignKind.CallbackSurvey, DialMode.Preview,
        new CampaignSettings
        {
            Regulator = RegulatorPreset.UsTsr,
            AbandonCap = 0.025m,
            AbandonWindowHours = 720,
            CallingWindows =
            [
                new(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(11, 30)),
                new(IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(20, 45)),
                new(IsoDayOfWeek.Saturday, new LocalTime(10, 0), new LocalTime(16, 0)),
            ],
            RetryDelayMinutes = new Dictionary<CallOutcome, int> { [CallOutcome.Busy] = 7, [CallOutcome.Machine] = 240 },
            MaxAttempts = 9,
            CallerId = "+8675512345678",
            Script = "您好，这里是示范保险。\n第二行，含 \"引号\" 与 <尖括号>。",
            WrapUpSeconds = 42,
            PreviewCountdownSeconds = 20,
            AmdEnabled = false,
            RecordCalls = false,
            CustomFields = [new("policy_no", "保单号", LeadFieldType.Text, true), new("premium", "保费", LeadFieldType.Money)],
            Dispositions = [new("renewed", "已续保", true, true, true), new("thinking", "考虑中", true, true, false, false)],
            Questionnaire = new Questionnaire("续保意向", [
                new("intent", "是否续保？", QuestionType.SingleChoice, ["是", "否", "再想想"],
                    SkipTo: new Dictionary<string, string> { ["是"] = "end", ["否"] = "why" }),
                new("score", "服务评分", QuestionType.Scale, [], 0, 10),
                new("why", "原因", QuestionType.MultipleChoice, ["价格", "服务", "其他"]),
            ]),
        });

    private async Task<int> CampaignCountAsync()
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM campaigns");
    }

    [Fact]
    public async Task Invalid_campaign_shows_every_message_and_writes_nothing()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var bad = new CampaignDefinition("Bad Code", "", CampaignKind.CallbackSurvey, DialMode.Predictive, new CampaignSettings
        {
            AbandonCap = 0.08m,
            CallingWindows = [new(IsoDayOfWeek.Monday, new LocalTime(7, 0), new LocalTime(9, 0))],
            MaxAttempts = 0,
            CallerId = "call-me",
            Dispositions = [],
        });
        var before = await CampaignCountAsync();
        var response = await manager.PostFormAsync("/Campaigns/Create", Form(bad, app.Demo.Tenants["demo-bank"].Value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var message in new[]
                 {
                     "编码须为 2–63 位小写字母", "请填写名称", "放弃率上限须大于 0 且不超过", "周一 的呼叫时段 07:00–09:00 超出监管允许的 08:00–22:00",
                     "最大拨打次数须在 1–50 之间", "主叫号码须为 E.164 格式", "至少需要一个通话结果", "回访项目须配置问卷",
                 })
            Assert.Contains(message, page);
        Assert.Equal(before, await CampaignCountAsync());
    }

    [Fact]
    public async Task Unreadable_list_json_is_reported_and_nothing_is_written()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var fields = Form(EverySettingChanged("insure-bad-json"), app.Demo.Tenants["demo-bank"].Value);
        fields["Form.CallingWindowsJson"] = "[{\"day\":\"Funday\"}]";
        var before = await CampaignCountAsync();
        var response = await manager.PostFormAsync("/Campaigns/Create", fields);
        Assert.Contains("呼叫时段（被叫本地时间）”的内容无法读取", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CampaignCountAsync());
    }

    [Fact]
    public async Task Campaign_is_created_then_edit_round_trips_every_setting()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var tenant = app.Demo.Tenants["demo-bank"];
        var code = $"insure-{Guid.NewGuid():N}"[..20];
        var first = DemoCampaignLike(code);
        var created = await manager.PostFormAsync("/Campaigns/Create", Form(first, tenant.Value));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var repository = app.Services.GetRequiredService<CampaignRepository>();
        var stored = await repository.FindByCodeAsync(code, TenantScope.AllTenants);
        Assert.NotNull(stored);
        Assert.Equal(tenant, stored.TenantId);
        Assert.Equal($"/Campaigns/Details/{stored.Id.Value}", created.Headers.Location!.OriginalString);
        AssertSame(first, stored.Definition);

        var changed = EverySettingChanged(code);
        var edited = await manager.PostFormAsync($"/Campaigns/Edit/{stored.Id.Value}", Form(changed));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await repository.FindAsync(stored.Id, TenantScope.AllTenants);
        AssertSame(changed, after!.Definition);

        // The edit page shows what was saved.
        var page = await manager.GetPageAsync($"/Campaigns/Edit/{stored.Id.Value}");
        Assert.Contains("8675512345678", page);
        Assert.Contains("保险续期回访", page);
    }

    [Fact]
    public async Task An_inbound_campaigns_caller_id_is_labelled_as_its_hotline_number()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var repository = app.Services.GetRequiredService<CampaignRepository>();
        var hotline = (await repository.FindByCodeAsync(DemoCampaigns.PowerHotline, TenantScope.AllTenants))!;
        var bank = (await repository.FindByCodeAsync(DemoCampaigns.BankCollections, TenantScope.AllTenants))!;

        Assert.Contains("<th>热线号码</th><td>95598</td>", await manager.GetPageAsync($"/Campaigns/Details/{hotline.Id.Value}"));
        Assert.Contains(">热线号码</span>", await manager.GetPageAsync($"/Campaigns/Edit/{hotline.Id.Value}"));
        Assert.Contains(">主叫号码</span>", await manager.GetPageAsync($"/Campaigns/Edit/{bank.Id.Value}"));
        Assert.Contains("<th>主叫号码</th>", await manager.GetPageAsync($"/Campaigns/Details/{bank.Id.Value}"));
    }

    [Fact]
    public async Task Creating_a_second_campaign_with_a_taken_code_is_refused()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var response = await manager.PostFormAsync("/Campaigns/Create", Form(DemoCampaignLike("bank-collect-1"), app.Demo.Tenants["demo-power"].Value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("编码 bank-collect-1 已被使用", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_cannot_post_an_edit_even_with_a_valid_token()
    {
        var manager = await app.SignedInAs("manager@demo.local");
        var bank = app.Demo.Campaigns["bank-collect-1"].Value;
        var page = await manager.GetPageAsync($"/Campaigns/Edit/{bank}"); // proves the form exists for staff
        Assert.Contains("Form.Name", page);

        var client = await app.SignedInAs("client@demo-bank.local");
        var response = await client.PostFormAsync($"/Campaigns/Details/{bank}", Form(DemoCampaignLike("bank-collect-1")), $"/Campaigns/Edit/{bank}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static CampaignDefinition DemoCampaignLike(string code) => new(code, "测试催收", CampaignKind.Collections, DialMode.Predictive, new CampaignSettings
    {
        CallerId = "95555",
        Dispositions = [new("promise_to_pay", "承诺还款", true, true, true, true)],
        CallingWindows = [new(IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(12, 0))],
    });
}
