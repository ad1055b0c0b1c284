using Akka.Actor;
using Outbound.Telephony;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Calls;

/// <summary>Delivers telephony events to an actor's mailbox (Tell is thread-safe).</summary>
public sealed class ActorTelephonySink(IActorRef actor) : ITelephonyEventSink
{
    public void On(TelephonyEvent telephonyEvent) => actor.Tell(telephonyEvent);
}
