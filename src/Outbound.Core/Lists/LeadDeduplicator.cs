namespace Outbound.Core.Lists;

/// <summary>
/// Keeps one lead per number: DNC first (a compliance refusal outranks a duplicate), then numbers the
/// campaign already has, then numbers seen earlier in the same file.
/// </summary>
public sealed class LeadDeduplicator(IReadOnlySet<string> campaignPhones, IReadOnlySet<string> dncPhones)
{
    // Numbers seen in the file, keyed by the E.164 digits as a number: a million-row list then keeps no
    // strings alive for the whole import. Exact: libphonenumber's E.164 is "+", a country code that never
    // starts with 0, and at most 15 digits in all.
    private readonly Dictionary<long, int> _firstLine = [];

    /// <summary>Null when the lead may be loaded (its number is then remembered), else the rejection.</summary>
    public RejectedRow? Admit(ParsedLead lead, ReadOnlySpan<char> raw)
    {
        var e164 = lead.Phone.E164;
        if (dncPhones.Contains(e164))
            return new(lead.LineNumber, RejectReason.Dnc, $"{e164} 在免打扰名单中 / is on a do-not-call list", raw.ToString());
        if (campaignPhones.Contains(e164))
            return new(lead.LineNumber, RejectReason.DuplicateInCampaign, $"{e164} 已在本活动中 / already in this campaign", raw.ToString());
        var key = long.Parse(e164.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        if (_firstLine.TryAdd(key, lead.LineNumber)) return null;
        var firstLine = _firstLine[key];
        return new(lead.LineNumber, RejectReason.DuplicateInFile, $"{e164} 与第 {firstLine} 行重复 / duplicates line {firstLine}", raw.ToString());
    }
}
