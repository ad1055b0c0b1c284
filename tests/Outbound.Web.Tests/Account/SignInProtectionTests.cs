using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Core.Identity;
using Outbound.Data.Identity;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Account;

/// <summary>
/// Sign-in under attack: limited per source and per account, locked only where the wrong passwords came from, and telling
/// nothing about which emails exist.
/// </summary>
public sealed partial class SignInProtectionTests(SignInWebFactory app) : IClassFixture<SignInWebFactory>
{
    private const string Password = "Agent!2026x";

    private async Task<string> NewAgentAsync()
    {
        var email = $"agent-{Guid.NewGuid():N}@test.local";
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(email, "测试坐席", Roles.Agent, null, Password)).Succeeded);
        return email;
    }

    private static async Task<(HttpStatusCode Status, string? Problem)> TryAsync(Browser browser, string email, string password)
    {
        var response = await browser.LoginAsync(email, password);
        var problem = ProblemText().Match(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, problem.Success ? WebUtility.HtmlDecode(problem.Groups[1].Value) : null);
    }

    [Fact]
    public async Task A_burst_of_attempts_from_one_address_is_cut_off_with_429_while_other_addresses_go_on()
    {
        var attacker = app.From(SignInWebFactory.NewAddress());
        for (var i = 0; i < SignInWebFactory.SourceBurst; i++)
            Assert.Equal(HttpStatusCode.OK, (await TryAsync(attacker, $"nobody{i}-{Guid.NewGuid():N}@test.local", "guess")).Status);
        var refused = await attacker.LoginAsync($"nobody-{Guid.NewGuid():N}@test.local", "guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录尝试过于频繁", await refused.Content.ReadAsStringAsync());

        var colleague = app.From(SignInWebFactory.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.LoginAsync(await NewAgentAsync(), Password)).StatusCode);
    }

    [Fact]
    public async Task Guessing_one_account_from_many_addresses_is_held_up_but_not_for_the_user_on_their_own_browser()
    {
        var email = await NewAgentAsync();
        var desk = app.From(SignInWebFactory.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await desk.LoginAsync(email, Password)).StatusCode);

        // The user's sign-in took one permit of the account; a botnet gets the rest, then waits.
        for (var i = 1; i < SignInWebFactory.AccountBurst; i++)
            Assert.Equal("邮箱或密码不正确。", (await TryAsync(app.From(SignInWebFactory.NewAddress()), email, "guess" + i)).Problem);
        var held = await TryAsync(app.From(SignInWebFactory.NewAddress()), email, "guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, held.Status);
        Assert.Contains("该账号的登录尝试过于频繁", held.Problem);
        // Even the right password from a new browser waits its turn …
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(app.From(SignInWebFactory.NewAddress()), email, Password)).Status);
        // … but the user's own browser, where the account signed in before, goes straight in.
        Assert.Equal(HttpStatusCode.Redirect, (await desk.LoginAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_only_from_the_address_they_came_from()
    {
        var email = await NewAgentAsync();
        var attacker = app.From(SignInWebFactory.NewAddress());
        for (var i = 0; i < 4; i++) Assert.Equal("邮箱或密码不正确。", (await TryAsync(attacker, email, "wrong")).Problem);
        Assert.Contains("账号已被冻结", (await TryAsync(attacker, email, "wrong")).Problem);
        Assert.Contains("账号已被冻结", (await TryAsync(attacker, email, Password)).Problem);

        var user = app.From(SignInWebFactory.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await user.LoginAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task An_email_nobody_has_gets_the_same_answers_as_a_real_account()
    {
        var real = await NewAgentAsync();
        var missing = $"agent-{Guid.NewGuid():N}@test.local";
        var (fromReal, fromMissing) = (app.From(SignInWebFactory.NewAddress()), app.From(SignInWebFactory.NewAddress()));
        for (var i = 0; i < 5; i++)
        {
            var (a, b) = (await TryAsync(fromReal, real, "wrong"), await TryAsync(fromMissing, missing, "wrong"));
            Assert.Equal(a, b);
        }
        var locked = await TryAsync(fromMissing, missing, "wrong");
        Assert.Contains("账号已被冻结", locked.Problem);
        Assert.Equal(await TryAsync(fromReal, real, "wrong"), locked);
    }

    [Fact]
    public async Task A_wrong_password_takes_as_long_for_an_email_nobody_has_as_for_a_real_account()
    {
        var real = await NewAgentAsync();
        var (forReal, forMissing) = (new List<double>(), new List<double>());
        for (var i = 0; i < 7; i++)
        {
            forReal.Add(await TimedAsync(real));
            forMissing.Add(await TimedAsync($"agent-{Guid.NewGuid():N}@test.local"));
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        // Before, a missing account answered in 2–3 ms and a real one in 66–93 ms (a password hash).
        Assert.True(Median(forMissing) >= 0.4 * Median(forReal), $"missing {Median(forMissing):F1} ms, real {Median(forReal):F1} ms");
    }

    /// <summary>One wrong-password attempt from its own address, timed from the post to the answer.</summary>
    private async Task<double> TimedAsync(string email)
    {
        var browser = app.From(SignInWebFactory.NewAddress());
        await browser.GetPageAsync("/Account/Login");
        var watch = Stopwatch.StartNew();
        await browser.LoginAsync(email, "wrong");
        return watch.Elapsed.TotalMilliseconds;
    }

    [GeneratedRegex("id=\"login-problem\">([^<]+)<")]
    private static partial Regex ProblemText();
}
