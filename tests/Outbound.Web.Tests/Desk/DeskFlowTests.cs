using Outbound.Dialer.Calls;
using System.Text.Json;
using Akka.Actor;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Data.Desk;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Areas.Wallboard;
using Outbound.Dialer.Inbound;
using Outbound.Telephony;
using Outbound.Telephony.Simulated;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>
/// A human agent at the desk takes a simulated predictive call end to end through the hub, and a supervisor
/// sees it on the wallboard and forces it not-ready.
/// </summary>
public sealed class DeskFlowTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task An_agent_takes_a_predictive_call_fills_the_collections_form_books_a_callback_and_a_supervisor_forces_it_not_ready()
    {
        await using var client = await DeskClient.ConnectAsync(factory, DeskWebFactory.Agent);
        var (desk, states, pops) = (client.Hub, client.States, client.Pops);

        Assert.Null(await desk.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));
        await states.WaitFor(s => s.State == "not_ready", Patience);
        Assert.Null(await desk.InvokeAsync<string?>("Ready"));
        var agentId = (await states.WaitFor(s => s.State == "ready", Patience)).AgentId;

        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            var pop = await pops.WaitFor(p => p.Kind == "call", Patience);
            Assert.Equal(factory.DeskCampaign.Value, pop.CampaignId);
            Assert.StartsWith("测试客户", pop.Name);
            Assert.Contains(pop.Fields, f => f.Key == "amount" && f.Label == "逾期金额（元）" && f.Value.StartsWith("10", StringComparison.Ordinal));
            Assert.Contains(pop.Dispositions, d => d.Code == "promise_to_pay" && d.IsPromiseToPay);
            Assert.Equal("Collections", pop.CampaignKind);

            await states.WaitFor(s => s.State == "after_call_work", Patience);
            // No more calls: lines still ringing are answered and abandoned (2 s) or give up (1.8 s at 10×) meanwhile.
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Equal(DeskTexts.ResultRequired.Zh, await desk.InvokeAsync<string?>("Ready"));
            var empty = new DispositionInput(null, null, null, null, null, null, null, null, null, true, null);
            Assert.Equal(DeskTexts.DispositionRequired.Zh, await desk.InvokeAsync<string?>("SaveResult", empty));

            var callbackAt = DateTimeOffset.UtcNow.AddDays(1);
            var form = empty with
            {
                Disposition = "promise_to_pay", RightParty = true, AmountDue = 1001.50m, PromiseAmount = 500m,
                PromiseDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)), PaymentPlan = "2 期", CallbackAt = callbackAt, CallbackMine = true,
            };
            Assert.Equal(DeskTexts.PromiseIncomplete.Zh, await desk.InvokeAsync<string?>("SaveResult", form with { PromiseDate = null }));
            Assert.Equal(DeskTexts.PromiseInPast.Zh, await desk.InvokeAsync<string?>("SaveResult", form with { PromiseDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)) }));
            Assert.Null(await desk.InvokeAsync<string?>("SaveResult", form));
            Assert.Null(await desk.InvokeAsync<string?>("Ready"));
            await states.WaitFor(s => s.State == "ready", Patience);

            await using (var connection = await factory.Db.OpenConnectionAsync())
            {
                var saved = await connection.QuerySingleAsync<(string Disposition, decimal Promise, bool Mine, long Lead)>(
                    "SELECT disposition, promise_amount, callback_mine, lead_id FROM desk_call_forms WHERE agent = @agentId", new { agentId });
                Assert.Equal(("promise_to_pay", 500m, true), (saved.Disposition, saved.Promise, saved.Mine));
                Assert.Equal(pop.LeadId, saved.Lead);
                // The client's performance report counts the promise from the same save.
                var promise = await connection.QuerySingleAsync<(decimal Amount, DateTime Due, long Lead)>(
                    "SELECT amount, due_on, lead_id FROM collection_promises WHERE agent = @agentId", new { agentId });
                Assert.Equal((500m, form.PromiseDate!.Value, pop.LeadId), (promise.Amount, DateOnly.FromDateTime(promise.Due), promise.Lead));
            }

            // The supervisor sees the agent on the wallboard and forces it not-ready; the intervention is logged.
            var (_, supervisorCookies) = await factory.SignInAsync(DeskWebFactory.Supervisor);
            await using var wallboard = factory.Hub(WallboardHub.Path, supervisorCookies);
            await wallboard.StartAsync();
            var rows = await wallboard.InvokeAsync<List<BoardRow>>("Watch");
            Assert.Contains(rows, r => r.AgentId == agentId && r.Name == "坐席 1 号");
            Assert.True(await wallboard.InvokeAsync<bool>("Force", agentId, "force_not_ready", null));
            await states.WaitFor(s => s.State == "not_ready" && s.Reason == WallboardHub.ForcedReason, Patience);
            var log = await factory.Services.GetRequiredService<SupervisorActionLog>().RecentAsync();
            Assert.Contains(log, a => a.Agent == agentId && a.Action == "force_not_ready");
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
    }

    [Fact]
    public async Task An_agent_cannot_log_in_to_a_campaign_it_is_not_assigned_to()
    {
        var (_, cookies) = await factory.SignInAsync("agent2@demo.local");
        await using var desk = factory.Hub(AgentDeskHub.Path, cookies);
        await desk.StartAsync();
        Assert.Equal(DeskTexts.NotAssigned.Zh, await desk.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));
    }

    [Fact]
    public async Task An_agent_finds_only_leads_of_campaigns_it_is_assigned_to()
    {
        var (_, assigned) = await factory.SignInAsync(DeskWebFactory.Agent);
        await using var mine = factory.Hub(AgentDeskHub.Path, assigned);
        await mine.StartAsync();
        Assert.Single(await mine.InvokeAsync<List<DeskLead>>("Search", "+861370000007"));

        var (_, other) = await factory.SignInAsync("agent2@demo.local");
        await using var theirs = factory.Hub(AgentDeskHub.Path, other);
        await theirs.StartAsync();
        Assert.Empty(await theirs.InvokeAsync<List<DeskLead>>("Search", "+861370000007"));
        Assert.Empty(await theirs.InvokeAsync<List<DeskLead>>("Search", "测试客户7"));
    }

    [Fact]
    public async Task An_inbound_caller_reaches_an_agent_logged_in_to_the_hotline_and_the_answered_call_is_recorded_with_its_disposition()
    {
        await using var client = await DeskClient.ConnectAsync(factory, DeskWebFactory.HotlineAgent);
        var (desk, states, pops) = (client.Hub, client.States, client.Pops);
        Assert.Null(await desk.InvokeAsync<string?>("Login", factory.HotlineCampaign.Value));
        Assert.Null(await desk.InvokeAsync<string?>("Ready"));
        await states.WaitFor(s => s.State == "ready", Patience);

        const string caller = "+8613812345678";
        var carrier = (SimulatedTelephony)factory.Services.GetRequiredService<ITelephony>();
        var directory = factory.Services.GetRequiredService<AcdQueues>().Directory;
        var leg = carrier.ArriveInbound(caller, new ActorTelephonySink(directory), patience: null, talkTime: TimeSpan.FromSeconds(20));
        directory.Tell(new AcdCommands.CallerArrived(factory.HotlineCampaign, leg, caller));

        var pop = await pops.WaitFor(p => p.Kind == "call", Patience);
        Assert.Equal((caller, 0L, factory.HotlineCampaign.Value), (pop.Phone, pop.LeadId, pop.CampaignId));
        await states.WaitFor(s => s.State == "after_call_work", Patience);
        Assert.Null(await desk.InvokeAsync<string?>("SaveResult", new DispositionInput("completed", null, null, null, null, null, null, null, null, false, "停电已恢复")));
        Assert.Null(await desk.InvokeAsync<string?>("Ready"));
        await states.WaitFor(s => s.State == "ready", Patience);

        var deadline = DateTime.UtcNow + Patience;
        long answered;
        do
        {
            await using var cmd = factory.Db.CreateCommand(
                "SELECT count(*) FROM inbound_calls WHERE caller_number = @n AND outcome = 'answered' AND disposition = 'completed' AND connected_at IS NOT NULL");
            cmd.Parameters.AddWithValue("n", caller);
            answered = (long)(await cmd.ExecuteScalarAsync())!;
            if (answered == 0) await Task.Delay(200);
        } while (answered == 0 && DateTime.UtcNow < deadline);
        Assert.Equal(1, answered);
    }
}
