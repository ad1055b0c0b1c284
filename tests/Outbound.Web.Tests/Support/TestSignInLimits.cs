using Microsoft.AspNetCore.Hosting;

namespace Outbound.Web.Tests.Support;

/// <summary>Test hosts sign in hundreds of times from one (unknown) address: they lift the per-source and per-account limits.</summary>
internal static class TestSignInLimits
{
    public static void Relax(IWebHostBuilder builder)
    {
        builder.UseSetting("Outbound:SignIn:SourceBurst", "1000000");
        builder.UseSetting("Outbound:SignIn:AccountBurst", "1000000");
    }
}
