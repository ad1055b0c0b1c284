using Microsoft.Extensions.Hosting;
using Outbound.Dialer.Recovery;

namespace Outbound.Dialer.Hosting;

/// <summary>The host's stop (SIGTERM, Ctrl+C) runs the dialer's <see cref="GracefulStop"/> before the actor system goes down.</summary>
internal sealed class DialerShutdown(GracefulStop stop) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => stop.RunAsync(cancellationToken);
}
