using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Sip.UserAgents;

/// <summary>
/// What this user agent tells peers it does (RFC 3261 §11.2, §20.5, §20.1, §20.37): the methods it allows, the bodies
/// it accepts and the extensions it supports. OPTIONS answers carry all three, a 405 carries Allow, a 415 Accept, a 420
/// the Unsupported tags.
/// </summary>
public sealed record SipCapabilities(IReadOnlyList<string> Allow, IReadOnlyList<string> Accept, IReadOnlyList<string> Supported)
{
    public static readonly SipCapabilities Default = new(
        [SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye, SipMethods.Options, SipMethods.Info, SipMethods.Update],
        [SdpBody.ContentType], [Dialogs.SessionTimerOptions.OptionTag]);

    /// <summary>Methods of RFC 3261 and its common extensions: others get 501, these 405 with Allow when not handled.</summary>
    private static readonly HashSet<string> Known =
    [
        SipMethods.Invite, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye, SipMethods.Options, SipMethods.Register, SipMethods.Info,
        SipMethods.Update, "PRACK", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH",
    ];

    public static bool IsKnown(string method) => Known.Contains(method);

    public SipCapabilities WithAllowed(string method) => Allow.Contains(method) ? this : this with { Allow = [.. Allow, method] };

    /// <summary>Option tags of a Require header we do not support (§8.2.2.3).</summary>
    public IReadOnlyList<string> UnsupportedOf(SipRequest request) =>
        request.Headers.GetAll(SipHeaderNames.Require).Select(t => t.Trim())
            .Where(t => !Supported.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();

    public SipResponse AddAllow(SipResponse response)
    {
        AddAllow(response.Headers);
        return response;
    }

    public void AddAllow(SipHeaders headers) => headers.Set(SipHeaderNames.Allow, string.Join(", ", Allow));

    /// <summary>Allow, Accept and Supported on a response (the 200 to OPTIONS, §11.2).</summary>
    public SipResponse AddAll(SipResponse response)
    {
        AddAllow(response);
        response.Headers.Set(SipHeaderNames.Accept, string.Join(", ", Accept));
        if (Supported.Count > 0) response.Headers.Set(SipHeaderNames.Supported, string.Join(", ", Supported));
        return response;
    }
}
