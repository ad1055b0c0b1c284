using System.Diagnostics.CodeAnalysis;

namespace Outbound.Telephony.Sip.Messages;

/// <summary>Either a parsed message or the reason it was rejected.</summary>
public readonly record struct SipParseResult(SipMessage? Message, SipParseError? Error)
{
    [MemberNotNullWhen(true, nameof(Message))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Message is not null;
}
