using System.ComponentModel.DataAnnotations;

namespace Outbound.Dialer;

/// <summary>Timing of the dialer (bound from <c>Outbound:Dialer</c>).</summary>
public sealed record DialerOptions
{
    public const string Section = "Outbound:Dialer";

    /// <summary>How often a running campaign asks its pacing strategy for lines.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);
    /// <summary>A lease not renewed for this long expires, and another run may take the lead.</summary>
    public TimeSpan LeaseFor { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Leads a campaign keeps leased ahead of dialing.</summary>
    [Range(1, 10_000)] public int HopperSize { get; init; } = 50;
    /// <summary>A live answer no agent takes within this time is abandoned (DOMAIN.md: 2 s).</summary>
    public TimeSpan ConnectWithin { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Ring time before giving up; raised to the regulator's minimum ring where it is lower.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(25);
    /// <summary>Wait before an attempt a crashed run left in flight is tried again.</summary>
    public TimeSpan InterruptedRetryDelay { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>
    /// How long after the campaign's wrap-up a finished call waits for its agent's result before it is recorded with what the
    /// agent saved during it: only when the agent's session is gone, as the desk never leaves after-call work without a result.
    /// </summary>
    public TimeSpan ResultWait { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>A consult or transfer to a number that rings this long is given up and the customer taken off hold.</summary>
    public TimeSpan ConsultRingTimeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Leads an agent skipped in preview wait this long before they are offered again.</summary>
    public TimeSpan SkippedLeadDelay { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>An internal call (agent to agent) not answered within this time ends as unanswered.</summary>
    public TimeSpan InternalRingTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The pacing strategy predictive campaigns use (see Core/Pacing: predictive, adaptive, ratio).</summary>
    public string PredictiveStrategy { get; init; } = "predictive";
    public string AbandonPromptId { get; init; } = "abandon-information";
    /// <summary>What a customer on hold (or waiting for a transfer) hears, looped.</summary>
    public string HoldMusicPromptId { get; init; } = "music-on-hold";
    public string RecordingFolder { get; init; } = "recordings";
    /// <summary>How often the hopper reloads the campaign's contact rates per region and hour (best time to call).</summary>
    public TimeSpan BestTimeRefresh { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>How often a running campaign asks whether its client is suspended or in maintenance.</summary>
    public TimeSpan StandingCheckInterval { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>When agents logged in to inbound queues too may be counted by outbound pacing (call blending, inbound first).</summary>
    public Core.Acd.BlendingPolicy Blending { get; init; } = new();

    // Outages and crashes (issue 16). Tests shorten these so that an outage test does not wait minutes.

    /// <summary>The node's name: a new run of the same node knows the earlier ones are dead. Null: the machine's name.</summary>
    public string? Node { get; init; }
    /// <summary>The node's own folder: its outbox (records kept while the database is away) and heartbeat file.</summary>
    public string StateFolder { get; init; } = "dialer-state";
    /// <summary>At most this many records wait in the outbox; beyond it they wait in memory.</summary>
    [Range(1_000, 100_000_000)] public long OutboxMaxRecords { get; init; } = 2_000_000;
    /// <summary>A take of leads the hopper has not answered within this is asked again once, then given up.</summary>
    public TimeSpan TakeTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>First wait before a campaign tries again what the database refused; doubled up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryMin { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>How often the node wakes every campaign the database says is running (a no-op for one that dials).</summary>
    public TimeSpan WatchdogInterval { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How often the run tells the database (and its heartbeat file) it is alive.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A run of another node silent for this long is taken for dead and its work closed.</summary>
    public TimeSpan RunSilenceLimit { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>While the database is away, how often it is asked whether it is back.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How often agent sessions tell their campaigns again that they are there, and in which state.</summary>
    public TimeSpan AgentRejoinInterval { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>A graceful stop (SIGTERM) lets live calls finish this long; those still up are then closed as interrupted.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
