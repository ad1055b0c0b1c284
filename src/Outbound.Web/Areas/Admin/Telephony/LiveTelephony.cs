using Outbound.Telephony.Sip.UserAgents;
using Outbound.Telephony.SipAdapter;

namespace Outbound.Web.Areas.Admin.Telephony;

/// <summary>
/// What the running Sip adapter is doing, for the admin pages: the trunk calls go to and its keep-alive state, and
/// who is registered from where. Null when this host runs the Simulated adapter (or no dialer at all).
/// </summary>
public sealed record LiveTelephony(SipTrunkSettings? Trunk, TrunkState TrunkState, IReadOnlyList<RegistrarBinding> Registrations)
{
    public static LiveTelephony? Of(IServiceProvider services) =>
        services.GetService<SipTelephony>() is { } sip ? new(sip.Trunk, sip.TrunkState, sip.Registrar.Live()) : null;

    public IReadOnlyList<RegistrarBinding> RegistrationsOf(string username) =>
        Registrations.Where(b => string.Equals(b.User, username, StringComparison.OrdinalIgnoreCase)).ToList();
}
