using Outbound.Telephony;
using Outbound.Telephony.Simulated;
using Outbound.Telephony.SipAdapter;

namespace Outbound.Web.Areas.Admin.Telephony;

/// <summary>The telephony adapter this host dials through (<c>Outbound:Telephony:Adapter</c>), as the admin pages report it.</summary>
public enum TelephonyAdapter
{
    /// <summary>No dialer on this host.</summary>
    None,
    Simulated,
    Sip,
}

public static class ActiveTelephony
{
    public static TelephonyAdapter Of(IServiceProvider services) =>
        services.GetService<SipTelephony>() is not null ? TelephonyAdapter.Sip
        : services.GetService<ITelephony>() is SimulatedTelephony ? TelephonyAdapter.Simulated
        : TelephonyAdapter.None;

    public static string Code(this TelephonyAdapter adapter) => adapter.ToString().ToLowerInvariant();
}
