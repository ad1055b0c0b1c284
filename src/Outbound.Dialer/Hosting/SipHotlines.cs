using Akka.Actor;
using Microsoft.Extensions.Logging;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Data.Desk;
using Outbound.Dialer.Calls;
using Outbound.Dialer.Inbound;
using Outbound.Telephony;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Hosting;

/// <summary>
/// Takes the callers the Sip adapter answers into the running hotline that owns the called number (compared as
/// <see cref="HotlineNumber.Key"/>): the node's queue directory is told <see cref="AcdCommands.IvrArrived"/> (the
/// hotline's IVR if it has one, else its queue) and gets the leg's events. The numbers are reloaded from the database
/// (<see cref="ReloadAsync"/>, every 30 s by <see cref="SipTelephonyStarter"/>), so a hotline started or stopped takes
/// effect without a restart.
/// </summary>
/// <param name="directory">The node's queue directory; null while there is none (no inbound queues on this node): calls are refused.</param>
public sealed class SipHotlines(HotlineNumbers numbers, Func<IActorRef?> directory, ILogger<SipHotlines> logger) : IInboundCallHandler
{
    private volatile IReadOnlyDictionary<string, CampaignId> _byNumber = new Dictionary<string, CampaignId>();

    public int Count => _byNumber.Count;

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var byNumber = new Dictionary<string, CampaignId>(StringComparer.Ordinal);
        var clashes = new List<Hotline>();
        foreach (var hotline in await numbers.RunningAsync(ct))
        {
            if (HotlineNumber.Key(hotline.Number) is { } key && !byNumber.TryAdd(key, hotline.Campaign)) clashes.Add(hotline);
        }
        var previous = _byNumber;
        if (previous.Count == byNumber.Count && byNumber.All(n => previous.TryGetValue(n.Key, out var c) && c == n.Value)) return;
        _byNumber = byNumber;
        // Said when the numbers change, not at every reload.
        foreach (var clash in clashes)
            logger.LogWarning("Hotline {Code} has the number {Number} of an older running hotline, which keeps it", clash.Code, clash.Number);
    }

    public bool Takes(string calledNumber) => Owner(calledNumber) is not null && directory() is not null;

    public ITelephonyEventSink? Arrive(InboundCallArrival arrival)
    {
        if (Owner(arrival.CalledNumber) is not { } campaign) return null;
        if (directory() is not { } queues)
        {
            logger.LogWarning("A call to hotline number {Number} was refused: this node runs no inbound queues", arrival.CalledNumber);
            return null;
        }
        // Told before any event of the leg can reach the directory, so it knows the leg when its hang-up comes.
        queues.Tell(new AcdCommands.IvrArrived(campaign, arrival.Leg, arrival.CallerNumber));
        return new ActorTelephonySink(queues);
    }

    private CampaignId? Owner(string calledNumber) =>
        HotlineNumber.Key(calledNumber) is { } key && _byNumber.TryGetValue(key, out var campaign) ? campaign : null;
}
