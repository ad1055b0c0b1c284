using Akka.Actor;
using Outbound.Telephony;
using Outbound.Telephony.Port;

namespace Outbound.Dialer.Inbound;

/// <summary>Sends an inbound leg's events to its queue, which hands them to the caller's call actor.</summary>
public sealed class QueueTelephonySink(IActorRef queue) : ITelephonyEventSink
{
    public void On(TelephonyEvent telephonyEvent) => queue.Tell(telephonyEvent);
}
