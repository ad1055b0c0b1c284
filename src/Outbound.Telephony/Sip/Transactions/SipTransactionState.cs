namespace Outbound.Telephony.Sip.Transactions;

/// <summary>The states of the four state machines of RFC 3261 §17 (Accepted from RFC 6026).</summary>
public enum SipTransactionState { Calling, Trying, Proceeding, Completed, Confirmed, Accepted, Terminated }

/// <summary>Why a transaction ended without a final response.</summary>
public enum SipTransactionError { Timeout, TransportError }
