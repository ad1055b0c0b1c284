using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Outbound.Telephony;
using Outbound.Telephony.SipAdapter;

namespace Outbound.Dialer.Hosting;

public static class SipTelephonyHosting
{
    /// <summary>
    /// The Sip adapter as the dialer's <see cref="ITelephony"/>: options from <c>Outbound:Telephony:Sip</c>, the trunk
    /// and agents' accounts from the database (loaded by <see cref="SipTelephonyStarter"/> before campaigns resume).
    /// </summary>
    public static IHostApplicationBuilder AddSipTelephony(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SipTelephonyOptions>().BindConfiguration(SipTelephonyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SipAgentDirectory>();
        services.AddSingleton(sp => new SipTelephony(
            sp.GetRequiredService<IOptions<SipTelephonyOptions>>().Value, sp.GetRequiredService<SipAgentDirectory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SipTelephony>());
        services.AddHostedService<SipTelephonyStarter>();
        return builder;
    }
}
