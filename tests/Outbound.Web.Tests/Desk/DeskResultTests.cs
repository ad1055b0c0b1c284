using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>Results saved at the desk while the customer is still on the line: never lost, and never a reason to be stuck.</summary>
public sealed class DeskResultTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_result_saved_during_the_call_is_on_the_call_record_its_callback_on_the_lead_and_ready_works_after_the_call()
    {
        await using var client = await DeskClient.ConnectAsync(factory, DeskWebFactory.Agent);
        var (desk, states, pops) = (client.Hub, client.States, client.Pops);
        Assert.Null(await desk.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));
        await states.WaitFor(s => s.State == "not_ready", Patience);
        Assert.Null(await desk.InvokeAsync<string?>("Ready"));
        await states.WaitFor(s => s.State == "ready", Patience);

        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            var pop = await pops.WaitFor(p => p.Kind == "call", Patience);
            await factory.CampaignCommandAsync(c => new CampaignCommands.Pause(c)); // this one call is enough
            var callbackAt = DateTimeOffset.UtcNow.AddDays(2);
            var form = new DispositionInput("callback", true, null, null, null, null, null, null, callbackAt, true, "客户要求后天再打");
            Assert.Null(await desk.InvokeAsync<string?>("SaveResult", form)); // the customer is still talking

            await states.WaitFor(s => s.State == "after_call_work", Patience);
            Assert.Null(await desk.InvokeAsync<string?>("Ready"));
            await states.WaitFor(s => s.State == "ready", Patience);

            await using var connection = await factory.Db.OpenConnectionAsync();
            var deadline = DateTime.UtcNow + Patience;
            string? disposition = null;
            while (DateTime.UtcNow < deadline && disposition is null)
            {
                disposition = await connection.QuerySingleOrDefaultAsync<string?>(
                    "SELECT disposition FROM call_records WHERE lead_id = @lead AND outcome = 'Answered'", new { lead = pop.LeadId });
                if (disposition is null) await Task.Delay(200);
            }
            Assert.Equal("callback", disposition);
            var lead = await connection.QuerySingleAsync<(string Status, DateTime? Next, string? Owner)>(
                "SELECT status, next_call_at, callback_agent FROM leads WHERE id = @lead", new { lead = pop.LeadId });
            Assert.Equal("callback", lead.Status);
            Assert.Equal(callbackAt.UtcDateTime, lead.Next!.Value.ToUniversalTime(), TimeSpan.FromSeconds(1));
            Assert.NotNull(lead.Owner);
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM desk_call_forms WHERE lead_id = @lead", new { lead = pop.LeadId }));
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
    }
}
