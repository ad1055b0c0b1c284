using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Outbound.Web.Tests.Support;

/// <summary>
/// <see cref="DeskWebFactory"/> on a real Kestrel port whose simulated customers talk for an hour (in simulated time), so
/// that an agent has time to hold, transfer and be monitored before the customer hangs up.
/// </summary>
public sealed class CallControlWebFactory : DeskWebFactory
{
    public CallControlWebFactory() => UseKestrel(0);

    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbound:Simulated:TalkSecondsMean", "36000");
    }
}
