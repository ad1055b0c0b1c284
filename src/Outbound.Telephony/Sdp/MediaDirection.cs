namespace Outbound.Telephony.Sdp;

/// <summary>The direction attributes of RFC 4566 §6 / RFC 3264 §5.1; sendrecv when none is given.</summary>
public enum MediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}

public static class MediaDirections
{
    public static string ToAttribute(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    public static MediaDirection? FromAttribute(string name) => name switch
    {
        "sendrecv" => MediaDirection.SendRecv,
        "sendonly" => MediaDirection.SendOnly,
        "recvonly" => MediaDirection.RecvOnly,
        "inactive" => MediaDirection.Inactive,
        _ => null,
    };

    /// <summary>
    /// The answer's direction for an offered one, given what we are willing to do (RFC 3264 §6.1):
    /// sendonly is answered recvonly, recvonly sendonly, inactive inactive (a hold, RFC 3264 §8.4).
    /// </summary>
    public static MediaDirection Answer(this MediaDirection offered, MediaDirection local = MediaDirection.SendRecv)
    {
        var weSend = offered is MediaDirection.SendRecv or MediaDirection.RecvOnly;
        var weReceive = offered is MediaDirection.SendRecv or MediaDirection.SendOnly;
        weSend &= local is MediaDirection.SendRecv or MediaDirection.SendOnly;
        weReceive &= local is MediaDirection.SendRecv or MediaDirection.RecvOnly;
        return (weSend, weReceive) switch
        {
            (true, true) => MediaDirection.SendRecv,
            (true, false) => MediaDirection.SendOnly,
            (false, true) => MediaDirection.RecvOnly,
            _ => MediaDirection.Inactive,
        };
    }
}
