using System.Collections.Concurrent;
using Akka.Actor;
using Outbound.Core.Campaigns;

namespace Outbound.Dialer.Calls;

/// <summary>
/// The calls alive on this node (outbound call actors and inbound callers) and their campaigns, so that a restarted
/// campaign can find its calls again and a graceful stop can wait for them and interrupt those that do not end in time.
/// Call actors add themselves when they start and leave when they stop.
/// </summary>
public sealed class LiveCalls
{
    private readonly ConcurrentDictionary<IActorRef, CampaignId> _calls = new();

    public int Count => _calls.Count;

    public IReadOnlyList<IActorRef> All => _calls.Keys.ToList();

    public IReadOnlyList<IActorRef> Of(CampaignId campaign) => _calls.Where(c => c.Value == campaign).Select(c => c.Key).ToList();

    public void Add(IActorRef call, CampaignId campaign) => _calls[call] = campaign;

    public void Remove(IActorRef call) => _calls.TryRemove(call, out _);
}
