using Outbound.Data.Database;
using Outbound.Data.Durable;

namespace Outbound.Web.Areas.Campaigns.Live;

/// <summary>
/// What the live page and the wallboard show of a database outage: since when it is away, and how many records wait on
/// this node's disk to be written (also for a while after it is back, until they are replayed). Null: nothing to show.
/// </summary>
public sealed record DialerOutageView(bool DatabaseDown, DateTimeOffset? Since, long RecordsKept)
{
    public static DialerOutageView? From(DatabaseHealth health, DurableWriter records) =>
        !health.IsUp || records.Kept > 0 ? new DialerOutageView(!health.IsUp, health.DownSince, records.Kept) : null;
}
