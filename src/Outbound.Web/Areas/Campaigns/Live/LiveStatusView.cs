using Outbound.Core.Compliance;
using Outbound.Data.Campaigns;
using Outbound.Dialer.Agents;
using Outbound.Dialer.Campaigns;

namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>
/// The JSON the status page receives: figures only, labels come from the page's text table. <see cref="Outage"/> is set
/// while the database is away (or its kept records are being replayed), <see cref="Draining"/> during a graceful stop.
/// </summary>
public sealed record LiveStatusView(
    Guid CampaignId,
    string Status,
    IReadOnlyDictionary<string, int> Agents,
    int LinesInFlight,
    double DialLevel,
    double AnswerRate,
    double AbandonRate,
    double AbandonCap,
    int CallsPlaced,
    int CallsCompleted,
    int LeadsBuffered,
    bool ListExhausted,
    IReadOnlyDictionary<string, int> Refusals,
    ListProgress? List,
    string DialMode,
    LiveSettingsChange? SettingsChanged,
    DialerOutageView? Outage = null,
    bool Draining = false,
    PacingView? Pacing = null)
{
    public static LiveStatusView From(CampaignStatusReply s, ListProgress? list, DialerOutageView? outage = null) => new(
        s.CampaignId.Value, s.Status.ToString().ToLowerInvariant(),
        s.AgentsByState.Where(a => a.Key != AgentState.LoggedOut).ToDictionary(a => a.Key.Code(), a => a.Value),
        s.LinesInFlight, Math.Round(s.DialLevel, 2), Math.Round(s.AnswerRate, 4), Math.Round(s.RollingAbandonRate, 4), (double)s.AbandonCap,
        s.CallsPlaced, s.CallsCompleted, s.LeadsBuffered, s.ListExhausted,
        s.Refusals.ToDictionary(r => r.Key.Code(), r => r.Value), list, s.DialMode.ToString(),
        s.SettingsChanged is { Change: var change } changed
            ? new LiveSettingsChange(changed.At, change.From.ToString(), change.To.ToString(), change.Areas.Order().Select(a => a.ToString()).ToList())
            : null,
        outage, s.Draining, s.Pacing is { } p ? PacingView.From(p) : null);
}

/// <summary>How the campaign paces now and why: mode and since when, the team, the abandon window and the detector.</summary>
public sealed record PacingView(
    string Mode,
    DateTimeOffset ModeSince,
    int Team,
    int MinTeam,
    double WindowHours,
    int WindowAbandoned,
    int WindowConnected,
    double FalsePositives,
    double WindowRate,
    bool DetectorConfigured,
    DateTimeOffset? DetectorOffSince,
    double FalsePositiveRate,
    bool FalsePositiveRateMeasured,
    double MachineMinutes,
    double FalsePositivesAvoided)
{
    public static PacingView From(PacingStatus p) => new(
        LiveTexts.ModeCode(p.Mode), p.ModeSince, p.Team, p.MinTeam, p.Window.TotalHours, p.WindowAbandoned, p.WindowConnected,
        Math.Round(p.FalsePositives, 2), Math.Round(p.WindowRate, 5), p.DetectorConfigured, p.DetectorOffSince,
        Math.Round(p.FalsePositiveRate, 5), p.FalsePositiveRateMeasured, Math.Round(p.MachineMinutes, 1), Math.Round(p.FalsePositivesAvoided, 1));
}

/// <summary>The last change of the set-up the running dialer applied (the page words it): when, the dial modes, the areas.</summary>
public sealed record LiveSettingsChange(DateTimeOffset At, string From, string To, IReadOnlyList<string> Areas);
