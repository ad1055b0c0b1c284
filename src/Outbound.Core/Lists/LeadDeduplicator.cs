namespace Outbound.Core.Lists;

/// <summary>
/// Keeps one lead per number: DNC first (a compliance refusal outranks a duplicate), then numbers the
/// campaign already has, then numbers seen earlier in the same file.
/// </summary>
public sealed class LeadDeduplicator(IReadOnlySet<string> campaignPhones, IReadOnlySet<string> dncPhones)
{
    // Numbers seen in the file, keyed by the E.164 digits as a number: a million-row list then keeps no
    // strings alive for the whole import (E.164 has at most 15 digits and no leading zero, so the key is exact).
    private readonly Dictionary<long, int> _firstLine = [];
    private readonly Dictionary<string, int> _firstLineOther = new(StringComparer.Ordinal);

    /// <summary>Null when the lead may be loaded (its number is then remembered), else the rejection.</summary>
    public RejectedRow? Admit(ParsedLead lead, ReadOnlySpan<char> raw)
    {
        var e164 = lead.Phone.E164;
        if (dncPhones.Contains(e164))
            return new(lead.LineNumber, RejectReason.Dnc, $"{e164} 在免打扰名单中 / is on a do-not-call list", raw.ToString());
        if (campaignPhones.Contains(e164))
            return new(lead.LineNumber, RejectReason.DuplicateInCampaign, $"{e164} 已在本活动中 / already in this campaign", raw.ToString());
        var isFirst = TryKey(e164, out var key)
            ? Remember(_firstLine, key, lead.LineNumber, out var firstLine)
            : Remember(_firstLineOther, e164, lead.LineNumber, out firstLine);
        if (isFirst) return null;
        return new(lead.LineNumber, RejectReason.DuplicateInFile, $"{e164} 与第 {firstLine} 行重复 / duplicates line {firstLine}", raw.ToString());
    }

    private static bool Remember<TKey>(Dictionary<TKey, int> seen, TKey key, int line, out int firstLine) where TKey : notnull
    {
        if (seen.TryAdd(key, line))
        {
            firstLine = line;
            return true;
        }
        firstLine = seen[key];
        return false;
    }

    private static bool TryKey(string e164, out long key)
    {
        key = 0;
        if (e164.Length is < 2 or > 16 || e164[0] != '+' || e164[1] == '0') return false;
        for (var i = 1; i < e164.Length; i++)
        {
            var c = e164[i];
            if (!char.IsAsciiDigit(c)) return false;
            key = key * 10 + (c - '0');
        }
        return true;
    }
}
