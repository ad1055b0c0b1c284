using System.Threading.Channels;
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

    private static async Task<T> Next<T>(ChannelReader<T> reader, Func<T, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var item = await reader.ReadAsync(timeout.Token);
            if (match(item)) return item;
        }
    }

    [Fact]
    public async Task A_dnc_number_is_refused_with_its_reason_and_an_allowed_number_is_dialled_bridged_to_the_agent_and_recorded()
    {
        await using (var connection = await factory.Db.OpenConnectionAsync())
            await connection.ExecuteAsync("INSERT INTO dnc_numbers (tenant_id, phone_e164, reason) SELECT id, '+8613912345678', 'test' FROM tenants WHERE code = @t",
                new { t = DemoCampaigns.BankTenant });
        var (_, cookies) = await factory.SignInAsync(DeskWebFactory.Agent);
        await using var desk = factory.Hub(AgentDeskHub.Path, cookies);
        var states = Channel.CreateUnbounded<AgentStateView>();
        var pops = Channel.CreateUnbounded<ScreenPop>();
        desk.On<AgentStateView>(DeskNotifier.StateMethod, s => states.Writer.TryWrite(s));
        desk.On<ScreenPop>(DeskNotifier.PopMethod, p => pops.Writer.TryWrite(p));
        await desk.StartAsync();
        Assert.Equal(ManualDialTexts.NotOutbound.Zh, await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "13912340000"));

        Assert.Null(await desk.InvokeAsync<string?>("LoginTo", new[] { factory.DeskCampaign.Value }));
        var agentId = (await Next(states.Reader, s => s.State == "not_ready")).AgentId; // not ready: no predictive call comes
        await factory.CampaignCommandAsync(c => new CampaignCommands.Start(c));
        try
        {
            Assert.StartsWith("号码无效", await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "12"));
            Assert.Equal("不能拨打：" + ManualDialTexts.Reason("dnc").Zh,
                await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "139 1234 5678"));

            Assert.Null(await desk.InvokeAsync<string?>("ManualDial", factory.DeskCampaign.Value, "139-1234-0000"));
            var pop = await Next(pops.Reader, p => p.Kind == "call");
            Assert.Equal("+8613912340000", pop.Phone);
            await Next(states.Reader, s => s.State == "after_call_work");
            var empty = new DispositionInput("contacted", null, null, null, null, null, null, null, null, true, null, "break");
            Assert.Null(await desk.InvokeAsync<string?>("Dispose", empty with { Disposition = pop.Dispositions[0].Code }));

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
