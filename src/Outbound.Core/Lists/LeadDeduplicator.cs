namespace Outbound.Core.Lists;

/// <summary>
/// Keeps one lead per number: DNC first (a compliance refusal outranks a duplicate), then numbers the
/// campaign already has, then numbers seen earlier in the same file.
/// </summary>
public sealed class LeadDeduplicator(IReadOnlySet<string> campaignPhones, IReadOnlySet<string> dncPhones)
{
    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);

    /// <summary>Null when the lead may be loaded (its number is then remembered), else the rejection.</summary>
    public RejectedRow? Admit(ParsedLead lead, ReadOnlySpan<char> raw)
    {
        var e164 = lead.Phone.E164;
        if (dncPhones.Contains(e164))
            return new(lead.LineNumber, RejectReason.Dnc, $"{e164} 在免打扰名单中 / is on a do-not-call list", raw.ToString());
        if (campaignPhones.Contains(e164))
            return new(lead.LineNumber, RejectReason.DuplicateInCampaign, $"{e164} 已在本活动中 / already in this campaign", raw.ToString());
        if (_firstLine.TryAdd(e164, lead.LineNumber)) return null;
        return new(lead.LineNumber, RejectReason.DuplicateInFile, $"{e164} 与第 {_firstLine[e164]} 行重复 / duplicates line {_firstLine[e164]}", raw.ToString());
    }
}
