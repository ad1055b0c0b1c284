using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outbound.Core.Campaigns;
using Outbound.Data;
using Outbound.Data.Telephony;
using Outbound.Dialer.Hosting;
using Outbound.Telephony;
using Outbound.Telephony.Port;
using Outbound.Telephony.Simulated;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.SipAdapter;
using Outbound.Telephony.Tests.Interop;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Hosting;

/// <summary>The adapter is chosen by configuration; the Sip one starts from the trunk and agent accounts stored in PostgreSQL.</summary>
public sealed class SipTelephonyHostingTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("outbound-keys-");

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _keys.Delete(recursive: true);
    }

    private IHost Build(string? adapter)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Outbound"] = _db.ConnectionString,
            [TelephonyAdapterChoice.Key] = adapter,
            ["Outbound:Telephony:Sip:SipPort"] = "0",
            [TelephonyDataExtensions.KeysFolderKey] = _keys.FullName,
        });
        builder.AddOutboundData();
        builder.AddOutboundDialer();
        return builder.Build();
    }

    [Fact]
    public void Simulated_carrier_is_the_default()
    {
        using var host = Build(adapter: null);
        Assert.IsType<SimulatedTelephony>(host.Services.GetRequiredService<ITelephony>());
    }

    [Fact]
    public void Unknown_adapter_name_is_refused_at_start()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Build("Asterisk"));
        Assert.Contains("Simulated or Sip", refused.Message);
    }

    [Fact]
    public async Task Sip_adapter_dials_the_stored_trunk_with_its_decrypted_password_and_knows_the_stored_agents()
    {
        using var carrier = SippProcess.Uas("uas-digest.xml");
        using var host = Build("Sip");
        var services = host.Services;
        await services.GetRequiredService<SipTrunkStore>().SaveAsync(
            new SipTrunkRecord("127.0.0.1", carrier.Port, "udp", "trunkuser", null, "02150001234", 0), "trunkpass", false, "test");
        await services.GetRequiredService<SipAgentAccounts>().SaveAsync("agent-1", "agent1", "outbound", "Agent-Secret-1");
        var starter = services.GetServices<IHostedService>().OfType<SipTelephonyStarter>().Single();

        await starter.StartAsync(CancellationToken.None);
        try
        {
            var telephony = Assert.IsType<SipTelephony>(services.GetRequiredService<ITelephony>());
            var events = new Events();
            var leg = await telephony.OriginateAsync(new OriginateRequest("13800138000", "", TimeSpan.FromSeconds(10), false), events);
            Assert.IsType<TelephonyEvent.Answered>(await events.First.Task.WaitAsync(TimeSpan.FromSeconds(15)));
            await telephony.HangUpAsync(leg);
            Assert.Equal(0, await carrier.WaitAsync(TimeSpan.FromSeconds(15)));

            // The hashes written by the store are the ones the registrar computes from the password.
            var directory = services.GetRequiredService<SipAgentDirectory>();
            Assert.Equal("agent1", directory.ForAgent("agent-1")?.Username);
            foreach (var algorithm in new[] { DigestAlgorithm.Md5, DigestAlgorithm.Sha256 })
                Assert.Equal(DigestCalculator.Ha1(algorithm, "agent1", "outbound", "Agent-Secret-1"), directory.Ha1("agent1", "outbound", algorithm));
        }
        finally
        {
            await starter.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Sip_adapter_starts_knowing_the_numbers_of_the_running_hotlines_only()
    {
        using var host = Build("Sip");
        foreach (var (code, status) in new[] { ("hotline-on", "running"), ("hotline-off", "draft") })
        {
            var (_, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, new CampaignSettings { CallerId = "95598" }, status: status, code: code);
            await DialingSeed.ScalarAsync<int>(_db.DataSource, $"UPDATE campaigns SET kind = 'Inbound' WHERE id = '{campaign.Value}' RETURNING 1");
        }
        var starter = host.Services.GetServices<IHostedService>().OfType<SipTelephonyStarter>().Single();

        await starter.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal(1, host.Services.GetRequiredService<SipHotlines>().Count);
        }
        finally
        {
            await starter.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Keeps the first answer or failure.</summary>
    private sealed class Events : ITelephonyEventSink
    {
        public TaskCompletionSource<TelephonyEvent> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void On(TelephonyEvent telephonyEvent)
        {
            if (telephonyEvent is TelephonyEvent.Answered or TelephonyEvent.Failed) First.TrySetResult(telephonyEvent);
        }
    }
}
