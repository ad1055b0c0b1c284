using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Web.Areas.Desk;

namespace Outbound.Web.Tests.Support;

/// <summary>An agent's desk as a test drives it: the signed-in hub connection and what the desk is pushed.</summary>
internal sealed class DeskClient : IAsyncDisposable
{
    private DeskClient(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }
    public HubInbox<DeskView> States { get; } = new();
    public HubInbox<ScreenPop> Pops { get; } = new();

    public static async Task<DeskClient> ConnectAsync(DeskWebFactory factory, string email)
    {
        var (_, cookies) = await factory.SignInAsync(email);
        var desk = new DeskClient(factory.Hub(AgentDeskHub.Path, cookies));
        desk.Hub.On<DeskView>(DeskNotifier.StateMethod, desk.States.Add);
        desk.Hub.On<ScreenPop>(DeskNotifier.PopMethod, desk.Pops.Add);
        await desk.Hub.StartAsync();
        return desk;
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
