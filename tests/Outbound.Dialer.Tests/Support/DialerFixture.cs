using Microsoft.Extensions.Logging.Abstractions;
using Outbound.Core.Campaigns;
using Outbound.Core.Pacing;
using Outbound.Data.Dialing;
using Outbound.Data.Durable;
using Outbound.Telephony;
using Outbound.Dialer;
using Outbound.Dialer.Bots;
using Outbound.Telephony.Simulated;
using Outbound.Testing;

namespace Outbound.Dialer.Tests.Support;

/// <summary>Real PostgreSQL, the simulated carrier at 20× speed and short dialer timings.</summary>
internal static class DialerFixture
{
    public static readonly DialerOptions FastOptions = new()
    {
        TickInterval = TimeSpan.FromMilliseconds(100),
        LeaseFor = TimeSpan.FromSeconds(3),
        HopperSize = 10,
        ConnectWithin = TimeSpan.FromSeconds(2),
        ResultWait = TimeSpan.FromSeconds(2),
        ConsultRingTimeout = TimeSpan.FromSeconds(2),
    };

    public static readonly SimulatedCarrierOptions FastCarrier = new() { Seed = 11, TimeScale = 20, AmdFalsePositiveRate = 0 };

    public static readonly BotAgentOptions FastBots = new() { PreviewSeconds = 0.1, WrapSeconds = 0.2, SkipRate = 0, Dispositions = ["contacted"] };

    /// <summary>No regulator hours (tests run at any time of day) and no windows: every lead is callable now.</summary>
    public static readonly CampaignSettings AlwaysCallable = new()
    {
        Regulator = RegulatorPreset.Custom,
        CallerId = "+861095598",
        WrapUpSeconds = 1,
        RecordCalls = false,
    };

    public static (DialerServices Services, SimulatedTelephony Carrier) Services(PgTestDatabase db, DialerOptions? options = null, SimulatedCarrierOptions? carrier = null)
    {
        var telephony = new SimulatedTelephony(carrier ?? FastCarrier, TimeProvider.System);
        return (ServicesOn(db, telephony, options), telephony);
    }

    /// <summary>The dialer's services on <paramref name="telephony"/>; records are written through a durable writer without an outbox.</summary>
    public static DialerServices ServicesOn(PgTestDatabase db, ITelephony telephony, DialerOptions? options = null) => new(
        new CampaignStore(db.DataSource), new LeadHopper(db.DataSource),
        new DurableWriter(db.DataSource, NullLogger<DurableWriter>.Instance, maxDelay: TimeSpan.FromMilliseconds(50)),
        telephony, TimeProvider.System, options ?? FastOptions, new PacingOptions());

    /// <param name="state">What to tell about the state of things when the wait times out.</param>
    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for: {what} {state?.Invoke()}");
            await Task.Delay(100);
        }
    }
}
