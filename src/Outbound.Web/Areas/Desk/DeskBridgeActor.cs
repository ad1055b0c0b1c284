using Akka.Actor;
using Outbound.Dialer.Agents;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The desk side of a human agent's <see cref="AgentSessionActor"/>: hands its events, in order, to the
/// <see cref="DeskNotifier"/> (browser and wallboard). The rules of the desk are the session's; this only shows them.
/// </summary>
public sealed class DeskBridgeActor : ReceiveActor
{
    public static Props Props(DeskContext context, DeskNotifier notifier) => Akka.Actor.Props.Create(() => new DeskBridgeActor(context, notifier));

    public DeskBridgeActor(DeskContext context, DeskNotifier notifier)
    {
        ReceiveAsync<AgentEvents.StateChanged>(s => notifier.StateChangedAsync(context, s));
        ReceiveAsync<AgentEvents.DeskChanged>(d => notifier.DeskChangedAsync(context, d));
        ReceiveAsync<AgentEvents.PreviewOffered>(p => notifier.PopAsync(context, ScreenPop.PreviewKind, p.Lead, p.CountdownSeconds));
        ReceiveAsync<AgentEvents.CallConnected>(c => notifier.PopAsync(context, ScreenPop.CallKind, c.Lead, 0));
        ReceiveAsync<AgentEvents.CallStatusChanged>(s => notifier.CallStatusAsync(context, s.Status));
        ReceiveAsync<InternalCallChanged>(notifier.InternalCallAsync);
        Receive<object>(_ => { });
    }
}
