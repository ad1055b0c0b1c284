using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Akka.Actor;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outbound.Core.Identity;
using Outbound.Data;
using Outbound.Data.Campaigns;
using Outbound.Data.Database;
using Outbound.Data.Identity;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Hosting;
using Outbound.Reports.Assessment;
using Outbound.Reports.Billing;
using Outbound.Web;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Areas.Wallboard;

namespace Outbound.Cli.Bench;

/// <summary>
/// Wallboard latency: the real web host on Kestrel (loopback, in this process) with the simulated carrier, <c>agents</c>
/// desk sessions logged in to a bench campaign, and a supervisor's SignalR client watching the wallboard over
/// WebSockets. The agents' sessions are driven ready ⇄ not ready by a load loop (the bots of the bench); each change is
/// timed from the instant the <see cref="AgentSessionActor"/> stamps it to the moment the client receives the row.
/// </summary>
public sealed partial class WallboardBench(string connectionString, int agents, int rounds, TimeSpan roundLength)
{
    public sealed record Result(int Agents, int Updates, int Expected, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds);

    private const string TenantCode = "bench-wallboard";
    private const string SupervisorEmail = "bench-wallboard-supervisor@bench.local";
    private const string AgentPrefix = "bench-wallboard-agent-";

    public async Task<Result> RunAsync(CancellationToken ct = default)
    {
        var app = BuildHost();
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        var campaign = await SeedCampaignAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), ct);
        // A supervisor for this run only, with a password nobody knows, removed at the end.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)) + "aA1!";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().EnsureAsync(SupervisorEmail, "Bench supervisor",
                Roles.Supervisor, null, password);
            if (!result.Succeeded) throw new InvalidOperationException("bench supervisor: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            // Supervisors watch only the campaigns they are assigned to.
            var supervisor = await scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>().FindByEmailAsync(SupervisorEmail);
            await scope.ServiceProvider.GetRequiredService<CampaignAgentRepository>().AssignAsync(new(campaign), supervisor!.Id);
        }
        await app.StartAsync(ct);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return await MeasureAsync(app, address, campaign, password, ct);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<OutboundUser>>();
                if (await users.FindByEmailAsync(SupervisorEmail) is { } user) await users.DeleteAsync(user);
            }
            await app.DisposeAsync();
        }
    }

    private WebApplication BuildHost()
    {
        // ApplicationName makes the host find the web project's pages (the login page) as if it were its entry assembly.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(Outbound.Web.WebHostExtensions).Assembly.GetName().Name });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ConnectionStrings:Outbound"] = connectionString;
        builder.Configuration["Outbound:Demo:Enabled"] = "false";
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddOutboundData();
        builder.AddOutboundWeb();
        builder.AddOutboundDialer();
        builder.AddOutboundAssessment();
        builder.AddOutboundBilling(watchSuspensions: false);
        var app = builder.Build();
        app.UseOutboundWeb();
        return app;
    }

    private static async Task<Guid> SeedCampaignAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition("""
            INSERT INTO tenants (id, code, name) VALUES (gen_random_uuid(), @code, 'Wallboard bench') ON CONFLICT (code) DO NOTHING;
            INSERT INTO campaigns (id, tenant_id, code, name, kind, dial_mode, status, settings)
            SELECT gen_random_uuid(), id, @code, 'Wallboard bench', 'Collections', 'Preview', 'draft', '{}'::jsonb FROM tenants WHERE code = @code
            ON CONFLICT DO NOTHING;
            SELECT c.id FROM campaigns c JOIN tenants t ON t.id = c.tenant_id WHERE t.code = @code AND c.code = @code;
            """, new { code = TenantCode }, cancellationToken: ct));
    }

    private async Task<Result> MeasureAsync(WebApplication app, Uri address, Guid campaign, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        await SignInAsync(http, password, ct);

        var latencies = new ConcurrentBag<double>();
        var measuredFrom = DateTimeOffset.MaxValue.UtcTicks; // changes stamped before (the warm-up round) are not counted
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(address, WallboardHub.Path), o => o.Headers["Cookie"] = cookies.GetCookieHeader(address))
            .Build();
        hub.On<BoardRow>(WallboardBoard.AgentMethod, row =>
        {
            var received = DateTimeOffset.UtcNow;
            if (row.Since.UtcTicks >= Volatile.Read(ref measuredFrom) && row.AgentId.StartsWith(AgentPrefix, StringComparison.Ordinal))
                latencies.Add((received - row.Since).TotalMilliseconds);
        });
        await hub.StartAsync(ct);
        await hub.InvokeAsync<IReadOnlyList<BoardRow>>("Watch", ct);

        var sessions = app.Services.GetRequiredService<DeskSessions>();
        var desks = new List<DeskSessions.Desk>();
        for (var i = 1; i <= agents; i++)
        {
            var desk = await sessions.ForLoginAsync($"{AgentPrefix}{i:D4}");
            desk.Context.LoggedIn([campaign], new HashSet<Guid>());
            var reply = await desk.Session.Ask<object>(new AgentCommands.Login(new(campaign)), TimeSpan.FromSeconds(30), ct);
            if (reply is not AgentStateReply) throw new InvalidOperationException($"agent {i} did not log in: {reply}");
            desks.Add(desk);
        }
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // logins settle
        try
        {
            // Warm-up round, then the measured rounds: every agent changes state once per round, spread over the round.
            for (var round = 0; round <= rounds; round++)
            {
                if (round == 1) Volatile.Write(ref measuredFrom, DateTimeOffset.UtcNow.UtcTicks);
                object command = round % 2 == 0 ? new AgentCommands.Ready() : new AgentCommands.NotReady("break");
                var started = DateTime.UtcNow;
                for (var i = 0; i < desks.Count; i++)
                {
                    desks[i].Session.Tell(command);
                    var due = started + roundLength * ((i + 1.0) / desks.Count);
                    if (due - DateTime.UtcNow is { TotalMilliseconds: > 1 } wait) await Task.Delay(wait, ct);
                }
            }
            var expected = rounds * agents;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (latencies.Count < expected && DateTime.UtcNow < deadline) await Task.Delay(50, ct);
            var sorted = latencies.Order().ToArray();
            if (sorted.Length == 0) throw new InvalidOperationException("the wallboard received no update");
            return new Result(agents, sorted.Length, expected, Percentile(sorted, 0.5), Percentile(sorted, 0.99), Math.Round(sorted[^1], 1));
        }
        finally
        {
            foreach (var desk in desks) await desk.Session.Ask<object>(new AgentCommands.Logout(), TimeSpan.FromSeconds(30), CancellationToken.None);
        }
    }

    private static double Percentile(double[] sorted, double p) => Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))], 1);

    private static async Task SignInAsync(HttpClient http, string password, CancellationToken ct)
    {
        var page = await http.GetStringAsync("/Account/Login", ct);
        var token = TokenField().Match(page);
        if (!token.Success) throw new InvalidOperationException("no antiforgery token on the login page");
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(
        [
            new("Email", SupervisorEmail), new("Password", password), new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        ]), ct);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"bench supervisor sign-in gave {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
