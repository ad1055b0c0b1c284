using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Data.Telephony;
using Outbound.Telephony.Sip.Auth;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Admin;

/// <summary>The carrier trunk and agent SIP account pages: Admin only, validated, secrets write-only.</summary>
[Collection(WebCollection.Name)]
public sealed class TelephonyAdminTests(OutboundWebFactory app)
{
    private const string TrunkPage = "/Admin/Telephony/Trunk";
    private const string AgentsPage = "/Admin/Telephony/Agents";

    private static Dictionary<string, string> Trunk(string host = "sip.carrier.example", string port = "5060", string callerId = "02150001234",
        string username = "trunkuser", string password = "") => new()
    {
        ["Input.Host"] = host, ["Input.Port"] = port, ["Input.Transport"] = "tcp", ["Input.Username"] = username, ["Input.Password"] = password,
        ["Input.Realm"] = "carrier", ["Input.CallerId"] = callerId, ["Input.OptionsIntervalSeconds"] = "30",
    };

    [Fact]
    public async Task Admin_saves_the_trunk_and_its_password_is_kept_encrypted_and_never_shown()
    {
        var admin = await app.SignedInAs("admin@demo.local");

        var saved = await admin.PostFormAsync(TrunkPage, Trunk(password: "Carrier-Pass-77"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(TrunkPage);
        Assert.Contains("value=\"sip.carrier.example\"", page);
        Assert.Contains("data-password=\"set\"", page);
        Assert.DoesNotContain("Carrier-Pass-77", page);
        var stored = await app.Services.GetRequiredService<SipTrunkStore>().LoadForDialingAsync();
        Assert.Equal(("tcp", "carrier", "Carrier-Pass-77", "admin@demo.local"), (stored!.Trunk.Transport, stored.Trunk.Realm, stored.Password, stored.Trunk.UpdatedBy));

        // Saving again with the password left blank keeps it.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(TrunkPage, Trunk(host: "10.1.2.3"))).StatusCode);
        var kept = await app.Services.GetRequiredService<SipTrunkStore>().LoadForDialingAsync();
        Assert.Equal(("10.1.2.3", "Carrier-Pass-77"), (kept!.Trunk.Host, kept.Password));
    }

    [Fact]
    public async Task Telephony_pages_say_when_the_platform_runs_simulated_telephony()
    {
        var admin = await app.SignedInAs("admin@demo.local");

        Assert.Contains("data-adapter=\"simulated\"", await admin.GetPageAsync(TrunkPage));
        Assert.DoesNotContain("data-registered", await admin.GetPageAsync(AgentsPage));
    }

    [Fact]
    public async Task Without_a_trunk_the_page_names_the_simulated_adapter_instead_of_claiming_calls_fail()
    {
        await using (var clear = app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("DELETE FROM sip_trunk"))
            await clear.ExecuteNonQueryAsync();
        var admin = await app.SignedInAs("admin@demo.local");

        var page = await admin.GetPageAsync(TrunkPage);

        Assert.Contains("当前话务适配器：模拟运营商（Simulated）", page);
        Assert.DoesNotContain("所有外呼都会以", page);
        Assert.Contains("尚未配置中继（切换到 SIP 适配器前需要配置）", page);
    }

    [Fact]
    public async Task A_blank_host_is_explained_once_in_chinese_without_the_frameworks_english_message()
    {
        var admin = await app.SignedInAs("admin@demo.local");

        var refused = await admin.PostFormAsync(TrunkPage, Trunk(host: "", callerId: ""));

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "请填写有效的主机名或 IP 地址"));
        Assert.DoesNotContain("field is required", page);
    }

    [Fact]
    public async Task Invalid_trunk_settings_are_explained_and_not_saved()
    {
        var admin = await app.SignedInAs("admin@demo.local");

        var refused = await admin.PostFormAsync(TrunkPage, Trunk(host: "not a host!", port: "70000", callerId: "call-me", username: "", password: "lonely"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写有效的主机名或 IP 地址", page);
        Assert.Contains("端口须在 1–65535 之间", page);
        Assert.Contains("主叫号码须为 3–20 位数字", page);
        Assert.Contains("设置密码时须同时填写认证用户名", page);
        Assert.NotEqual("not a host!", (await app.Services.GetRequiredService<SipTrunkStore>().GetAsync())?.Host);
    }

    [Fact]
    public async Task Admin_creates_an_agent_account_whose_password_is_kept_only_as_digest_hashes()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var agent = $"agent-{Guid.NewGuid():N}"[..20];
        var username = $"ext{Random.Shared.Next(100000, 999999)}";

        var saved = await admin.PostFormAsync(AgentsPage, [new("Input.Agent", agent), new("Input.Username", username), new("Input.Password", "Phone-Pass-1")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(AgentsPage);
        Assert.Contains($"data-agent=\"{agent}\"", page);
        Assert.DoesNotContain("Phone-Pass-1", page);
        var credentials = (await app.Services.GetRequiredService<SipAgentAccounts>().LoadForRegistrarAsync()).Single(a => a.Agent == agent);
        Assert.Equal(DigestCalculator.Ha1(DigestAlgorithm.Md5, username, "outbound", "Phone-Pass-1"), credentials.Ha1Md5);
        Assert.Equal(DigestCalculator.Ha1(DigestAlgorithm.Sha256, username, "outbound", "Phone-Pass-1"), credentials.Ha1Sha256);
    }

    [Fact]
    public async Task Agent_account_form_refuses_a_taken_username_and_a_weak_password()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var username = $"ext{Random.Shared.Next(100000, 999999)}";
        await admin.PostFormAsync(AgentsPage, [new("Input.Agent", "first-" + username), new("Input.Username", username), new("Input.Password", "Phone-Pass-1")]);

        var taken = await admin.PostFormAsync(AgentsPage, [new("Input.Agent", "second-" + username), new("Input.Username", username.ToUpperInvariant()), new("Input.Password", "Phone-Pass-2")]);
        var weak = await admin.PostFormAsync(AgentsPage, [new("Input.Agent", "third-" + username), new("Input.Username", "x"), new("Input.Password", "short")]);

        Assert.Contains("该分机用户名已被其他坐席使用", await taken.Content.ReadAsStringAsync());
        var weakPage = await weak.Content.ReadAsStringAsync();
        Assert.Contains("分机用户名须为 2–32 位", weakPage);
        Assert.Contains("分机密码须为 8–64 位", weakPage);
        var agents = (await app.Services.GetRequiredService<SipAgentAccounts>().ListAsync()).Select(a => a.Agent).ToList();
        Assert.Contains("first-" + username, agents);
        Assert.DoesNotContain("second-" + username, agents);
        Assert.DoesNotContain("third-" + username, agents);
    }

    [Fact]
    public async Task Disabled_agent_account_is_no_longer_given_to_the_registrar()
    {
        var admin = await app.SignedInAs("admin@demo.local");
        var agent = $"off-{Guid.NewGuid():N}"[..16];
        await admin.PostFormAsync(AgentsPage, [new("Input.Agent", agent), new("Input.Username", agent), new("Input.Password", "Phone-Pass-1")]);

        var disabled = await admin.PostFormAsync(AgentsPage, [], $"{AgentsPage}?handler=Disable&agent={agent}");
        var unknown = await admin.PostFormAsync(AgentsPage, [], $"{AgentsPage}?handler=Disable&agent=nobody-{agent}");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(await app.Services.GetRequiredService<SipAgentAccounts>().LoadForRegistrarAsync(), a => a.Agent == agent);
    }

    [Theory]
    [InlineData("manager@demo.local")]
    [InlineData("supervisor@demo.local")]
    [InlineData("agent1@demo.local")]
    [InlineData("hr@demo.local")]
    [InlineData("client@demo-bank.local")]
    public async Task Only_admins_open_the_trunk_and_phone_pages(string email)
    {
        var browser = await app.SignedInAs(email);
        foreach (var page in new[] { TrunkPage, AgentsPage })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        var post = await browser.Client.PostAsync(TrunkPage, new FormUrlEncodedContent(Trunk(host: "evil.example")));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.NotEqual("evil.example", (await app.Services.GetRequiredService<SipTrunkStore>().GetAsync())?.Host);
    }
}
