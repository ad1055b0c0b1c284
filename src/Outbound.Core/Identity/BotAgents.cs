namespace Outbound.Core.Identity;

/// <summary>
/// The agent ids of the demo's bot agents, "{campaign code}-bot{n}". A human agent's id is its user id (a GUID), so the two never
/// meet; pages and reports recognise a bot by its id and name it as a bot, never by the id.
/// </summary>
public static class BotAgents
{
    private const string Marker = "-bot";

    public static string Id(string campaignCode, int number) => $"{campaignCode}{Marker}{number}";

    /// <summary>The bot's number when <paramref name="agentId"/> is a bot's id.</summary>
    public static bool TryParse(string? agentId, out int number)
    {
        number = 0;
        if (agentId is null || Guid.TryParse(agentId, out _)) return false;
        var at = agentId.LastIndexOf(Marker, StringComparison.Ordinal);
        return at > 0 && int.TryParse(agentId.AsSpan(at + Marker.Length), System.Globalization.NumberStyles.None, null, out number);
    }
}
