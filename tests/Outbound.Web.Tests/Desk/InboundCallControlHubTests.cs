using Outbound.Dialer.Calls;
using Akka.Actor;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Data.Desk;
using Outbound.Dialer.Inbound;
using Outbound.Telephony;
using Outbound.Telephony.Simulated;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>The desk's call control on an inbound hotline call, through the hub: the simulated carrier says who hears what.</summary>
public sealed class InboundCallControlHubTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_agent_holds_an_inbound_caller_then_transfers_it_to_a_number_and_stays_on_the_record()
    {
        await using var client = await DeskClient.ConnectAsync(factory, DeskWebFactory.HotlineAgent);
        var (desk, states, pops) = (client.Hub, client.States, client.Pops);
        Assert.Null(await desk.InvokeAsync<string?>("Login", factory.HotlineCampaign.Value));
        Assert.Null(await desk.InvokeAsync<string?>("Ready"));
        await states.WaitFor(s => s.State == "ready", Patience);

        const string caller = "+8613812340042";
        var carrier = (SimulatedTelephony)factory.Services.GetRequiredService<ITelephony>();
        var directory = factory.Services.GetRequiredService<AcdQueues>().Directory;
        var leg = carrier.ArriveInbound(caller, new ActorTelephonySink(directory), patience: null, talkTime: TimeSpan.FromSeconds(600));
        directory.Tell(new AcdCommands.CallerArrived(factory.HotlineCampaign, leg, caller));
        await pops.WaitFor(p => p.Kind == "call" && p.Phone == caller, Patience);

        Assert.Null(await desk.InvokeAsync<string?>("Hold"));
        Assert.True(carrier.Hearing(leg).OnHold);
        Assert.Null(await desk.InvokeAsync<string?>("Retrieve"));
        Assert.False(carrier.Hearing(leg).OnHold);

        Assert.Null(await desk.InvokeAsync<string?>("Transfer", null, "+8602150007777"));
        await states.WaitFor(s => s.State == "after_call_work", Patience);
        var number = carrier.Placed.Single(p => p.Request.Number == "+8602150007777").Leg;
        Assert.Equal(caller, carrier.Placed.Single(p => p.Leg == number).Request.CallerId);
        Assert.Null(await desk.InvokeAsync<string?>("SaveResult", new DispositionInput("completed", null, null, null, null, null, null, null, null, false, "转到维修部")));
        Assert.Null(await desk.InvokeAsync<string?>("Ready"));
        await carrier.HangUpAsync(leg);

        await using var connection = await factory.Db.OpenConnectionAsync();
        var agentId = (await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@e)", new { e = DeskWebFactory.HotlineAgent })).ToString();
        var deadline = DateTime.UtcNow + Patience;
        string? record;
        do
        {
            record = await connection.ExecuteScalarAsync<string?>(
                "SELECT agent || '/' || coalesce(disposition, '-') || '/' || outcome FROM inbound_calls WHERE caller_number = @caller", new { caller });
            if (record is null || record.EndsWith("/in_progress")) await Task.Delay(200); // recorded at arrival, completed at the end
        } while ((record is null || record.EndsWith("/in_progress")) && DateTime.UtcNow < deadline);
        Assert.Equal($"{agentId}/completed/answered", record);
        await desk.InvokeAsync<string?>("Logout");
    }
}
