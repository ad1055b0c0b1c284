using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Data.Demo;
using Outbound.Dialer.Campaigns;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

/// <summary>Manual dial from the desk: normalised, checked by the dialer's compliance (a refusal says why), dialled and recorded.</summary>
public sealed class ManualDialTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_dnc_number_is_refused_with_its_reason_and_an_allowed_number_is_dialled_bridged_to_the_agent_and_recorded()
    {
        await using (var connection = await factory.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("INSERT INTO dnc_numbers (tenant_id, phone_e164, reason) SELECT id, '+8613912345678', 'test' FROM tenants WHERE code = @t",
                new { t = DemoCampaigns.BankTenant });
        await using var client = await DeskClient.ConnectAsync(factory, DeskWebFactory.Agent);
        var (desk, states, pops) = (client.Hub, client.States, client.Pops);
        Assert.Equal(ManualDialTexts.NotOutbound.Zh, await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "13912340000"));

        Assert.Null(await desk.InvokeAsync<string?>("LoginTo", new[] { factory.DeskCampaign.Value }));
        var agentId = (await states.WaitFor(s => s.State == "not_ready", Patience)).AgentId; // not ready: no predictive call comes
        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            Assert.StartsWith("号码无效", await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "12"));
            Assert.Equal("不能拨打：" + ManualDialTexts.Reason("dnc").Zh,
                await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "139 1234 5678"));

            Assert.Null(await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "139-1234-0000"));
            var pop = await pops.WaitFor(p => p.Kind == "call", Patience);
            Assert.Equal("+8613912340000", pop.Phone);
            await states.WaitFor(s => s.State == "after_call_work", Patience);
            var empty = new DispositionInput("contacted", null, null, null, null, null, null, null, null, true, null);
            Assert.Null(await desk.InvokeAsync<string?>("SaveResult", empty with { Disposition = pop.Dispositions[0].Code }));
            Assert.Null(await desk.InvokeAsync<string?>("NotReady", "break"));

            await using var connection = await factory.Db.OpenConnectionAsync();
            var record = await WaitForAsync(() => connection.QuerySingleOrDefaultAsync<(string Agent, string Outcome)?>(
                "SELECT agent, outcome FROM call_records WHERE phone_e164 = '+8613912340000'"));
            Assert.Equal((agentId, "Answered"), record);
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM call_records WHERE phone_e164 = '+8613912345678'"));
        }
        finally
        {
            await factory.CampaignCommandAsync(c => new CampaignCommands.Stop(c));
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read) where T : struct
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await read() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no call record");
            await Task.Delay(200);
        }
    }
}
