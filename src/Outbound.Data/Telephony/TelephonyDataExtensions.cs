using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Outbound.Data.Telephony;

public static class TelephonyDataExtensions
{
    /// <summary>Where Data Protection keeps its keys; unset: the ASP.NET Core default (~/.aspnet/DataProtection-Keys).</summary>
    public const string KeysFolderKey = "Outbound:DataProtection:KeysFolder";

    /// <summary>
    /// The trunk and agent-account stores, and Data Protection under one application name so the web host (where
    /// the admin types the trunk password) and any other host (the dialer) read the same ciphertext.
    /// </summary>
    public static IHostApplicationBuilder AddOutboundTelephonyData(this IHostApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Outbound");
        if (builder.Configuration[KeysFolderKey] is { Length: > 0 } folder) protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        builder.Services.AddSingleton<SipTrunkStore>();
        builder.Services.AddSingleton<SipAgentAccounts>();
        return builder;
    }
}
