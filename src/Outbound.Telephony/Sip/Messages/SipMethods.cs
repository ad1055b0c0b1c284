namespace Outbound.Telephony.Sip.Messages;

/// <summary>The methods this user agent sends or answers (RFC 3261 §7.1, RFC 6086 INFO, RFC 3311 UPDATE).</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Info = "INFO";
    public const string Update = "UPDATE";
}
