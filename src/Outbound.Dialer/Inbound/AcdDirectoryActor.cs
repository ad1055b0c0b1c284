using Outbound.Dialer.Calls;
using Outbound.Data.Dialing;
using Akka.Actor;
using Akka.Event;
using Outbound.Core.Acd;
using Outbound.Core.Campaigns;
using Outbound.Core.Ivr;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>
/// The inbound queues of this node, one child <see cref="AcdQueueActor"/> per inbound campaign, started on the
/// first message for it. Agent sessions logged in to an inbound campaign use this actor as their campaigns
/// ref, exactly as outbound sessions use the campaign shard region. An inbound leg whose events go to the
/// directory (a <see cref="ActorTelephonySink"/> on it) has them passed to the queue the caller arrived in.
/// </summary>
public sealed class AcdDirectoryActor : ReceiveActor
{
    private readonly AcdServices _services;
    private readonly Func<DialerCampaignPolicy, QueuePolicy> _policyOf;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<CallLegId, IActorRef> _legs = []; // inbound legs whose sink is this directory
    private readonly Dictionary<string, (CampaignId Id, string Code)> _queues = []; // child name → its campaign

    /// <summary>The campaign facts a queue's policy is derived from.</summary>
    public sealed record DialerCampaignPolicy(CampaignId Id, int WrapUpSeconds);

    public static Props Props(AcdServices services, Func<DialerCampaignPolicy, QueuePolicy>? policyOf = null) =>
        Akka.Actor.Props.Create(() => new AcdDirectoryActor(services, policyOf ?? DefaultPolicy));

    public static QueuePolicy DefaultPolicy(DialerCampaignPolicy campaign) => new() { WrapUp = TimeSpan.FromSeconds(campaign.WrapUpSeconds) };

    /// <summary>
    /// The campaign's queue, started on first use with its stored settings (or the defaults): its policy, its agents'
    /// skills and levels, and its overflow queue (started too, so that a caller can be sent on).
    /// </summary>
    private async Task<IActorRef?> QueueAsync(CampaignId id, int depth)
    {
        var name = id.Value.ToString("N");
        var queue = Context.Child(name);
        if (!queue.IsNobody()) return queue;
        (DialerCampaign Campaign, AcdProtocol.ApplySettings Settings)? found;
        try
        {
            found = await SettingsAsync(id, depth);
        }
        catch (Exception e) when (_services.Dialer.Health.Failed(e))
        {
            // The directory must not restart: it would forget which queue every live caller's leg belongs to.
            _log.Warning("The queue of campaign {0} could not be started, the database is away", id);
            return null;
        }
        if (found is not var (campaign, settings)) return null;
        queue = Context.Child(name);
        if (!queue.IsNobody()) return queue;
        queue = Context.ActorOf(AcdQueueActor.Props(campaign.Id, campaign.TenantId, settings.Policy, _services, settings.OverflowTo), name);
        _queues[name] = (campaign.Id, campaign.Code);
        foreach (var (agentId, skills) in settings.AgentSkills) queue.Tell(new AcdCommands.SetAgentSkills(campaign.Id, agentId, skills));
        return queue;
    }

    /// <summary>The stored settings of the campaign's queue, or the defaults; null when there is no such campaign.</summary>
    private async Task<(DialerCampaign Campaign, AcdProtocol.ApplySettings Settings)?> SettingsAsync(CampaignId id, int depth)
    {
        var campaign = await _services.Dialer.Campaigns.FindAsync(id);
        if (campaign is null)
        {
            _log.Warning("No campaign {0} for an inbound queue", id);
            return null;
        }
        var stored = _services.QueueSettings is null ? null : await _services.QueueSettings.FindAsync(id);
        // A chain of overflow queues (A → B → A) is cut after a few links: the last one offers a callback instead.
        var overflowTo = stored is { Policy.Overflow: OverflowAction.OverflowQueue, OverflowCampaign: { } next } && depth < 3
            ? await QueueAsync(next, depth + 1) : null;
        var policy = stored?.Policy ?? _policyOf(new DialerCampaignPolicy(campaign.Id, campaign.Settings.WrapUpSeconds));
        return (campaign, new AcdProtocol.ApplySettings(policy, overflowTo,
            stored?.AgentSkills ?? new Dictionary<string, IReadOnlyDictionary<string, int>>()));
    }

    public AcdDirectoryActor(AcdServices services, Func<DialerCampaignPolicy, QueuePolicy> policyOf)
    {
        _services = services;
        _policyOf = policyOf;
        ReceiveAsync<AcdCommands.IvrArrived>(async arrived =>
        {
            IvrTree? tree = null;
            DialerCampaign? campaign = null;
            try
            {
                tree = _services.Ivr is null ? null : await _services.Ivr.FindAsync(arrived.CampaignId);
                campaign = tree is null ? null : await _services.Dialer.Campaigns.FindAsync(arrived.CampaignId);
            }
            catch (Exception e) when (_services.Dialer.Health.Failed(e))
            {
                _log.Warning("IVR of campaign {0} not read, the database is away: the caller goes straight to the queue", arrived.CampaignId);
                tree = null;
            }
            if (tree is null || campaign is null)
            {
                // Straight to the queue here, not via our mailbox: a hang-up already queued behind this message must find the leg.
                if (await QueueAsync(arrived.CampaignId, depth: 0) is not { } queue) return;
                _legs[arrived.Leg] = queue;
                queue.Tell(new AcdCommands.CallerArrived(arrived.CampaignId, arrived.Leg, arrived.CallerNumber));
                return;
            }
            _legs[arrived.Leg] = Context.ActorOf(IvrCallActor.Props(campaign.Id, campaign.TenantId, arrived.Leg, arrived.CallerNumber, tree, _services, Self));
        });
        ReceiveAsync<AcdCommands.ReloadSettings>(async reload =>
        {
            if (Context.Child(reload.CampaignId.Value.ToString("N")) is var running && running.IsNobody()) return;
            if (await SettingsAsync(reload.CampaignId, depth: 0) is var (_, settings)) running.Tell(settings);
        });
        ReceiveAsync<IWithCampaignId>(async message =>
        {
            if (await QueueAsync(message.CampaignId, depth: 0) is not { } queue) return;
            if (message is AcdCommands.CallerArrived arrived) _legs[arrived.Leg] = queue;
            queue.Forward(message);
        });
        Receive<AcdCommands.ListQueues>(_ =>
        {
            // Asked in parallel and piped back, so the directory keeps routing callers meanwhile; a queue that does not answer is left out.
            var asks = _queues.Select(q => (q.Value.Id, q.Value.Code, Queue: Context.Child(q.Key))).Where(q => !q.Queue.IsNobody())
                .Select(async q =>
                {
                    try { return new RunningQueue(q.Code, await q.Queue.Ask<AcdStatusReply>(new AcdCommands.GetStatus(q.Id), TimeSpan.FromSeconds(2))); }
                    catch (AskTimeoutException) { return null; }
                }).ToList();
            Task.WhenAll(asks).PipeTo(Sender, success: queues => new RunningQueues(queues.OfType<RunningQueue>().ToList()));
        });
        Receive<TelephonyEvent>(e =>
        {
            if (!_legs.TryGetValue(e.Leg, out var queue)) return;
            queue.Tell(e);
            if (e is TelephonyEvent.HungUp or TelephonyEvent.Failed) _legs.Remove(e.Leg);
        });
    }
}
