using Outbound.Core.Compliance;
using Outbound.Core.Leads;
using Outbound.Data.Dialing;

namespace Outbound.Dialer.Hopper;

/// <summary>The campaign's conversation with its hopper.</summary>
public static class HopperProtocol
{
    /// <summary>
    /// Up to <paramref name="Count"/> leased leads for predictive or progressive dialing. <paramref name="TakeId"/> makes the
    /// take idempotent: asked again (its answer did not come in time), the hopper answers with the same leads.
    /// </summary>
    public sealed record Take(long TakeId, int Count);

    /// <param name="Repeat">The answer to a take asked again that had been answered already: its leads went out the first time.</param>
    public sealed record Taken(long TakeId, IReadOnlyList<LeasedLead> Leads, int Requested, bool Repeat = false);

    /// <summary>Leads handed out that the campaign will not dial after all (an answer that came too late): back into the buffer.</summary>
    public sealed record Return(IReadOnlyList<LeasedLead> Leads);

    /// <summary>
    /// Renew the leases of exactly what the run holds: these leads (offered to agents, being dialled) and the buffer.
    /// Sent by the campaign, which knows its calls; a lead neither holds is not renewed and its lease runs out.
    /// </summary>
    public sealed record Renew(IReadOnlyCollection<LeadId> Held);

    /// <summary>One lead for this agent to preview: its own callbacks first, then open leads.</summary>
    public sealed record TakeFor(string AgentId);

    public sealed record TakenFor(string AgentId, LeasedLead? Lead);

    public sealed record Release(LeadId LeadId, LeadRelease How);

    /// <summary>Give every buffered lead back (pause, stop); replies <see cref="AllReleased"/>.</summary>
    public sealed record ReleaseAll;

    public sealed record AllReleased(int Count);

    public sealed record CountRefusals(IReadOnlyDictionary<RefusalReason, int> Counts);

    public sealed record GetStatus;

    /// <param name="Exhausted">The last lease found fewer callable leads than it asked for.</param>
    public sealed record Status(int Buffered, bool Exhausted);
}
