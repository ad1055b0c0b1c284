using Akka.Actor;
using Akka.Event;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>
/// The inbound queues of this node, one child <see cref="AcdQueueActor"/> per inbound campaign, started on the
/// first message for it. Agent sessions logged in to an inbound campaign use this actor as their campaigns
/// ref, exactly as outbound sessions use the campaign shard region. An inbound leg whose events go to the
/// directory (a <see cref="QueueTelephonySink"/> on it) has them passed to the queue the caller arrived in.
/// </summary>
public sealed class AcdDirectoryActor : ReceiveActor, IWithStash
{
    private readonly AcdServices _services;
    private readonly Func<DialerCampaignPolicy, QueuePolicy> _policyOf;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<CallLegId, IActorRef> _legs = []; // inbound legs whose sink is this directory

    public IStash Stash { get; set; } = null!;

    /// <summary>The campaign facts a queue's policy is derived from.</summary>
    public sealed record DialerCampaignPolicy(CampaignId Id, int WrapUpSeconds);

    public static Props Props(AcdServices services, Func<DialerCampaignPolicy, QueuePolicy>? policyOf = null) =>
        Akka.Actor.Props.Create(() => new AcdDirectoryActor(services, policyOf ?? DefaultPolicy));

    public static QueuePolicy DefaultPolicy(DialerCampaignPolicy campaign) => new() { WrapUp = TimeSpan.FromSeconds(campaign.WrapUpSeconds) };

    public AcdDirectoryActor(AcdServices services, Func<DialerCampaignPolicy, QueuePolicy> policyOf)
    {
        _services = services;
        _policyOf = policyOf;
        ReceiveAsync<AcdCommands.IvrArrived>(async arrived =>
        {
            var tree = _services.Ivr is null ? null : await _services.Ivr.FindAsync(arrived.CampaignId);
            var campaign = tree is null ? null : await _services.Dialer.Campaigns.FindAsync(arrived.CampaignId);
            if (tree is null || campaign is null)
            {
                Self.Tell(new AcdCommands.CallerArrived(arrived.CampaignId, arrived.Leg, arrived.CallerNumber));
                return;
            }
            _legs[arrived.Leg] = Context.ActorOf(IvrCallActor.Props(campaign.Id, campaign.TenantId, arrived.Leg, arrived.CallerNumber, tree, _services, Self));
        });
        ReceiveAsync<IWithCampaignId>(async message =>
        {
            var name = message.CampaignId.Value.ToString("N");
            var queue = Context.Child(name);
            if (queue.IsNobody())
            {
                var campaign = await _services.Dialer.Campaigns.FindAsync(message.CampaignId);
                if (campaign is null)
                {
                    _log.Warning("No campaign {0} for an inbound queue", message.CampaignId);
                    return;
                }
                queue = Context.Child(name);
                if (queue.IsNobody())
                    queue = Context.ActorOf(AcdQueueActor.Props(campaign.Id, campaign.TenantId,
                        _policyOf(new DialerCampaignPolicy(campaign.Id, campaign.Settings.WrapUpSeconds)), _services), name);
            }
            if (message is AcdCommands.CallerArrived arrived) _legs[arrived.Leg] = queue;
            queue.Forward(message);
        });
        Receive<TelephonyEvent>(e =>
        {
            if (!_legs.TryGetValue(e.Leg, out var queue)) return;
            queue.Tell(e);
            if (e is TelephonyEvent.HungUp or TelephonyEvent.Failed) _legs.Remove(e.Leg);
        });
    }
}
