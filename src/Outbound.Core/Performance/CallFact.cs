using Outbound.Core.Campaigns;

namespace Outbound.Core.Performance;

/// <summary>
/// What performance metrics need of one call record. For an inbound call <see cref="StartedAt"/> is
/// when the caller entered the queue and <see cref="ConnectedAt"/> when an agent took it.
/// </summary>
public sealed record CallFact(
    long LeadId,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset EndedAt,
    DateTimeOffset? WrapEndedAt,
    CallOutcome Outcome,
    bool Abandoned,
    string? Disposition,
    string? Agent,
    int? LocalHour,
    bool Inbound = false,
    string? Region = null)
{
    public bool ConnectedToAgent => ConnectedAt is not null;

    /// <summary>Customer talk time with the agent.</summary>
    public TimeSpan Talk => ConnectedAt is { } c && EndedAt > c ? EndedAt - c : TimeSpan.Zero;

    /// <summary>After-call work (话后处理) until the disposition was saved.</summary>
    public TimeSpan Wrap => ConnectedAt is not null && WrapEndedAt is { } w && w > EndedAt ? w - EndedAt : TimeSpan.Zero;

    /// <summary>Handling time = talk + after-call work.</summary>
    public TimeSpan Handle => Talk + Wrap;
}

/// <summary>A promise to pay taken on a collections call, and whether the debtor kept it.</summary>
public sealed record PromiseFact(long LeadId, string? Agent, decimal Amount, DateOnly DueOn, DateOnly? KeptOn);

/// <summary>One questionnaire a customer went through on a survey call: question id → the option(s) or text given.</summary>
public sealed record SurveyResponseFact(long LeadId, bool Completed, IReadOnlyDictionary<string, IReadOnlyList<string>> Answers);
