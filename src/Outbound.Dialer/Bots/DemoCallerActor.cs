using Outbound.Dialer.Calls;
using Akka.Actor;
using Outbound.Core.Campaigns;
using Outbound.Dialer.Inbound;
using Outbound.Telephony.Simulated;

namespace Outbound.Dialer.Bots;

/// <summary>
/// The demo's callers: at a steady rate a simulated caller with a random mobile number reaches the hotline's queue,
/// talks for a while once answered, or hangs up when its patience runs out first (an abandon).
/// </summary>
public sealed class DemoCallerActor : ReceiveActor, IWithTimers
{
    private sealed record Arrive;

    private readonly CampaignId _campaign;
    private readonly IActorRef _queues;
    private readonly SimulatedTelephony _carrier;
    private readonly DemoInboundOptions _options;
    private readonly Random _random;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="queues">The node's queue directory: callers arrive there and their legs' events go there.</param>
    public static Props Props(CampaignId campaign, IActorRef queues, SimulatedTelephony carrier, DemoInboundOptions options) =>
        Akka.Actor.Props.Create(() => new DemoCallerActor(campaign, queues, carrier, options));

    public DemoCallerActor(CampaignId campaign, IActorRef queues, SimulatedTelephony carrier, DemoInboundOptions options)
    {
        if (options.CallersPerMinute <= 0) throw new ArgumentOutOfRangeException(nameof(options), "CallersPerMinute must be positive.");
        _campaign = campaign;
        _queues = queues;
        _carrier = carrier;
        _options = options;
        _random = new Random(options.Seed);
        Receive<Arrive>(_ => ArriveOne());
    }

    protected override void PreStart() =>
        Timers.StartPeriodicTimer(nameof(Arrive), new Arrive(), TimeSpan.Zero, TimeSpan.FromMinutes(1 / _options.CallersPerMinute));

    private void ArriveOne()
    {
        var number = "+861" + _random.Next(30, 90) + _random.Next(0, 100_000_000).ToString("D8");
        var leg = _carrier.ArriveInbound(number, new ActorTelephonySink(_queues),
            Seconds(_options.PatienceSecondsMin, _options.PatienceSecondsMax), Seconds(_options.TalkSecondsMin, _options.TalkSecondsMax));
        _queues.Tell(new AcdCommands.CallerArrived(_campaign, leg, number));
    }

    private TimeSpan Seconds(double min, double max) => TimeSpan.FromSeconds(min + _random.NextDouble() * Math.Max(0, max - min));
}
