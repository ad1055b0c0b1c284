using Akka.Actor;
using Outbound.Dialer.Agents;

namespace Outbound.Web.Areas.Desk;

/// <summary>
/// The desk side of a human agent's <see cref="AgentSessionActor"/>: hands its events, in order, to the
/// <see cref="DeskNotifier"/> (browser and wallboard). At the end of a call it puts the session not-ready
/// pending the disposition, so no call reaches the agent before the form is saved.
/// </summary>
public sealed class DeskBridgeActor : ReceiveActor
{
    public const string DispositionPending = "disposition";

    public static Props Props(DeskContext context, DeskNotifier notifier) => Akka.Actor.Props.Create(() => new DeskBridgeActor(context, notifier));

    public DeskBridgeActor(DeskContext context, DeskNotifier notifier)
    {
        ReceiveAsync<AgentEvents.StateChanged>(s => notifier.StateChangedAsync(context, s));
        ReceiveAsync<AgentEvents.PreviewOffered>(p => notifier.PopAsync(context, "preview", p.Lead, p.CountdownSeconds));
        ReceiveAsync<AgentEvents.CallConnected>(c => notifier.PopAsync(context, "call", c.Lead, 0));
        ReceiveAsync<AgentEvents.CallEnded>(_ =>
        {
            context.AwaitingDisposition = true;
            Sender.Tell(new AgentCommands.NotReady(DispositionPending));
            return notifier.CallEndedAsync(context);
        });
        ReceiveAsync<AgentEvents.CallStatusChanged>(s => notifier.CallStatusAsync(context, s.Status));
        ReceiveAsync<InternalCallChanged>(notifier.InternalCallAsync);
        Receive<object>(_ => { });
    }
}
