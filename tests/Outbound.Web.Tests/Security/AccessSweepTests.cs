using System.Net;
using Outbound.Web.Tests.Security.Access;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Security;

/// <summary>
/// Walks everything the app serves — every Razor page handler, endpoint and hub, found in its own route table — as every
/// role, as the other tenant's client and as a supervisor of other campaigns, and checks each answer against the access
/// declared for it in Security/Access (see AccessMap.cs for how to declare a new page). A page without a declaration,
/// or whose gate lets the wrong caller in, fails here.
/// </summary>
public sealed class AccessSweepTests(AccessSweepFixture sweep) : IClassFixture<AccessSweepFixture>
{
    private static readonly string[] SecurityHeaders = ["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"];

    [Fact]
    public void Every_page_handler_endpoint_and_hub_method_has_a_declared_access()
    {
        var problems = new List<string>();
        var declared = sweep.Map.Requests.Select(r => r.Key).ToHashSet();
        var served = sweep.Served.Handlers.Select(h => h.Key).ToHashSet();
        problems.AddRange(served.Except(declared).Select(k => $"{k} is served but has no access declaration (add it in Security/Access, see AccessMap.cs)"));
        problems.AddRange(declared.Except(served).Select(k => $"{k} is declared but not served (remove or rename the declaration)"));
        var hubs = sweep.Map.Hubs.ToDictionary(h => h.Path);
        foreach (var hub in sweep.Served.Hubs)
        {
            if (!hubs.TryGetValue(hub.Path, out var declaredHub))
            {
                problems.Add($"hub {hub.Path} is served but has no access declaration");
                continue;
            }
            problems.AddRange(hub.Methods.Except(declaredHub.Methods.Keys).Select(m => $"hub {hub.Path} method {m} has no access declaration"));
            problems.AddRange(declaredHub.Methods.Keys.Except(hub.Methods).Select(m => $"hub {hub.Path} method {m} is declared but not served"));
        }
        problems.AddRange(hubs.Keys.Except(sweep.Served.Hubs.Select(h => h.Path)).Select(p => $"hub {p} is declared but not served"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_caller_gets_the_declared_answer_from_every_page_handler_and_endpoint_with_the_security_headers()
    {
        var problems = new List<string>();
        var sessions = new Dictionary<Caller, (Browser Browser, string Token)>();
        foreach (var caller in Enum.GetValues<Caller>()) sessions[caller] = await sweep.SessionOfAsync(caller);
        // Every caller's reads first, then deletions, then posts (an empty staffing form unassigns a campaign's staff), a sign-out last.
        var phases = sweep.Map.Requests.GroupBy(r => (r.SignsOut, r.Method switch { "GET" => 0, "DELETE" => 1, _ => 2 })).OrderBy(g => g.Key);
        foreach (var phase in phases)
        foreach (var caller in Enum.GetValues<Caller>())
        foreach (var request in phase)
        {
            var (browser, token) = sessions[caller];
            var response = await browser.Client.SendAsync(Build(request, token));
            var actual = AccessSweepFixture.Classify(response);
            var expected = request.ExpectedFor(caller);
            if (!AccessSweepFixture.Satisfies(actual, expected))
                problems.Add($"{caller,-15} {request.Method} {request.Url}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
            foreach (var header in SecurityHeaders.Where(h => !response.Headers.Contains(h)))
                problems.Add($"{caller,-15} {request.Method} {request.Url}: no {header} header");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} wrong answers:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_hub_admits_only_its_declared_callers()
    {
        var problems = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var (browser, _) = await sweep.SessionOfAsync(caller);
            foreach (var hub in sweep.Map.Hubs)
            {
                var response = await browser.Client.PostAsync($"{hub.Path}/negotiate?negotiateVersion=1", null);
                var actual = AccessSweepFixture.Classify(response);
                var expected = hub.Who.Contains(caller) ? Outcome.Ok : caller == Caller.Anonymous ? Outcome.SignIn : Outcome.Denied;
                if (actual != expected) problems.Add($"{caller,-15} hub {hub.Path}: expected {expected}, got {actual} ({(int)response.StatusCode})");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Each query parameter of each GET handler, set to values people and scanners send — malformed, empty, out of any
    /// sensible range, very long, with a NUL — answers with a page (or 400/404), never a server error.
    /// </summary>
    [Fact]
    public async Task No_page_answers_a_bad_parameter_with_a_server_error()
    {
        string[] bad = ["x", "", "-1", "0001-01-01", "9999-12-31", "1900-01", "9999-12", "2026-13", "00000000-0000-0000-0000-000000000000",
            new string('9', 400), "\0"];
        var handlers = sweep.Served.Handlers.Where(h => h.Method == "GET").ToDictionary(h => h.Key);
        var problems = new List<string>();
        var sessions = new Dictionary<Caller, HttpClient>();
        foreach (var request in sweep.Map.Requests.Where(r => r.Method == "GET" && handlers.ContainsKey(r.Key)))
        {
            var caller = Enum.GetValues<Caller>().FirstOrDefault(c => request.ExpectedFor(c) == request.Allowed && c != Caller.Anonymous, Caller.Anonymous);
            if (!sessions.TryGetValue(caller, out var client)) sessions[caller] = client = (await sweep.SessionOfAsync(caller)).Browser.Client;
            foreach (var parameter in handlers[request.Key].QueryParameters)
            foreach (var value in bad)
            {
                var url = WithQuery(request.Url, parameter, value);
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500) problems.Add($"{caller,-15} GET {url}: {(int)response.StatusCode}");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} server errors:\n" + string.Join("\n", problems));
    }

    private static HttpRequestMessage Build(DeclaredRequest request, string token)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Method == "POST") message.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        else if (request.Method != "GET") message.Headers.Add("RequestVerificationToken", token);
        return message;
    }

    private static string WithQuery(string url, string name, string value)
    {
        var (path, query) = url.IndexOf('?') is var q and >= 0 ? (url[..q], url[(q + 1)..]) : (url, "");
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Split('=')[0].Equals(name, StringComparison.OrdinalIgnoreCase))
            .Append($"{name}={Uri.EscapeDataString(value)}");
        return path + "?" + string.Join("&", pairs);
    }
}
