namespace Outbound.Telephony.Sip.Messages;

/// <summary>Default reason phrases (RFC 3261 §21).</summary>
public static class SipReasons
{
    public static string For(int code) => code switch
    {
        100 => "Trying", 180 => "Ringing", 181 => "Call Is Being Forwarded", 183 => "Session Progress",
        200 => "OK", 202 => "Accepted",
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found",
        405 => "Method Not Allowed", 407 => "Proxy Authentication Required", 408 => "Request Timeout",
        410 => "Gone", 423 => "Interval Too Brief", 480 => "Temporarily Unavailable",
        481 => "Call/Transaction Does Not Exist", 482 => "Loop Detected", 483 => "Too Many Hops", 484 => "Address Incomplete",
        486 => "Busy Here", 487 => "Request Terminated", 488 => "Not Acceptable Here", 491 => "Request Pending",
        500 => "Server Internal Error", 501 => "Not Implemented", 503 => "Service Unavailable", 504 => "Server Time-out",
        600 => "Busy Everywhere", 603 => "Decline", 604 => "Does Not Exist Anywhere", 606 => "Not Acceptable",
        _ => "Unknown",
    };
}
