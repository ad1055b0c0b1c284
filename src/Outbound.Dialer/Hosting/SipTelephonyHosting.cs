using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Outbound.Data.Desk;
using Outbound.Dialer.Inbound;
using Outbound.Telephony;
using Outbound.Telephony.SipAdapter;

namespace Outbound.Dialer.Hosting;

public static class SipTelephonyHosting
{
    /// <summary>
    /// The telephony adapter <c>Outbound:Telephony:Adapter</c> names: for Sip, registers it as the dialer's
    /// <see cref="ITelephony"/>; otherwise the dialer's simulated default stays. The Sip options are bound either way
    /// (the admin pages show the registrar's realm).
    /// </summary>
    public static IHostApplicationBuilder AddTelephonyAdapter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SipTelephonyOptions>().BindConfiguration(SipTelephonyOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Problems().Count == 0, $"{SipTelephonyOptions.Section} is invalid (see SipTelephonyOptions.Problems)").ValidateOnStart();
        return TelephonyAdapterChoice.IsSip(builder.Configuration) ? builder.AddSipTelephony() : builder;
    }

    /// <summary>
    /// The Sip adapter as the dialer's <see cref="ITelephony"/>: options from <c>Outbound:Telephony:Sip</c>, the trunk,
    /// agents' accounts and hotline numbers from the database (loaded by <see cref="SipTelephonyStarter"/> before campaigns
    /// resume). Callers to a hotline go to the node's inbound queues when the host runs them (<see cref="AcdQueues"/>, the desk).
    /// </summary>
    private static IHostApplicationBuilder AddSipTelephony(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SipAgentDirectory>();
        services.TryAddSingleton(sp => new HotlineNumbers(sp.GetRequiredService<NpgsqlDataSource>()));
        // The queue directory lives in the actor system, which starts after the adapter: looked up when a call comes.
        services.AddSingleton(sp => new SipHotlines(sp.GetRequiredService<HotlineNumbers>(), () => sp.GetService<AcdQueues>()?.Directory,
            sp.GetRequiredService<ILogger<SipHotlines>>()));
        services.AddSingleton(sp => new SipTelephony(
            sp.GetRequiredService<IOptions<SipTelephonyOptions>>().Value, sp.GetRequiredService<SipAgentDirectory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SipHotlines>(), sp.GetRequiredService<ILogger<SipTelephony>>()));
        services.AddSingleton<ITelephony>(sp => sp.GetRequiredService<SipTelephony>());
        services.AddHostedService<SipTelephonyStarter>();
        return builder;
    }
}
