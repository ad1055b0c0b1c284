namespace Outbound.Data.Quality;

/// <summary>Why the quality side refused a request; the web page words it in the user's language.</summary>
public enum QualityRefusal
{
    NotFound,
    NotAllowed,
    OwnCall,
    NotRecorded,
    AlreadyScored,
    FormChanged,
    NotInSession,
    SessionClosed,
    AlreadyAcknowledged,
    AlreadyDisputed,
    NotDisputed,
    NotYours,
    ReasonRequired,
    PlanExists,
}

/// <summary>A refused quality request (not a fault): nothing was written.</summary>
public sealed class QualityRefusedException(QualityRefusal refusal, string? detail = null)
    : Exception(detail is null ? refusal.ToString() : $"{refusal}: {detail}")
{
    public QualityRefusal Refusal { get; } = refusal;
}
