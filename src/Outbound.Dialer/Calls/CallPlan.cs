using Akka.Actor;
using Outbound.Core.Compliance;
using Outbound.Data.Dialing;

namespace Outbound.Dialer.Calls;

/// <summary>Everything one call actor needs to place, connect and record one attempt.</summary>
/// <param name="PreviewSession">Preview and manual calls belong to this agent session from the start.</param>
/// <param name="ReportTo">The campaign actor that placed the call (its reference survives the campaign's restarts).</param>
internal sealed record CallPlan(
    DialerCampaign Campaign,
    CompliancePolicy Policy,
    LeasedLead Lead,
    string LeaseOwner,
    IActorRef? PreviewSession,
    IActorRef ReportTo)
{
    /// <summary>
    /// Hang up on the detector's machine verdict. False while detection is off (the verdict is still taken, to measure
    /// the detector) and for the attempts whose machine verdicts agents check.
    /// </summary>
    public bool HangsUpOnMachines { get; init; } = Campaign.Settings.AmdEnabled;
}
