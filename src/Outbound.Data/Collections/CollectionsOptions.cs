using Outbound.Core.Collections;

namespace Outbound.Data.Collections;

/// <summary>Collections settings: the days after a promise's due day in which a reported payment still keeps it.</summary>
public sealed class CollectionsOptions
{
    public const string Section = "Outbound:Collections";

    public int PromiseGraceDays { get; set; } = PromiseKeeping.DefaultGraceDays;
}
