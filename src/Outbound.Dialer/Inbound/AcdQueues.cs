using Akka.Actor;

namespace Outbound.Dialer.Inbound;

/// <summary>The node's <see cref="AcdDirectoryActor"/>, started on first use in the host's actor system.</summary>
public sealed class AcdQueues(ActorSystem system, AcdServices services)
{
    private readonly Lazy<IActorRef> _directory = new(() => system.ActorOf(AcdDirectoryActor.Props(services), "acd"));

    public IActorRef Directory => _directory.Value;
}
