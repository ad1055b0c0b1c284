namespace Outbound.Core.Campaigns;

/// <summary>Why a campaign definition was refused. Texts live in <see cref="CampaignProblemText"/>.</summary>
public enum CampaignProblem
{
    CodeFormat,
    NameRequired,
    NameTooLong,
    AbandonCapRange,
    AbandonCapAbovePreset,
    AbandonWindowRange,
    AbandonWindowAbovePreset,
    AmdFalsePositiveRange,
    WindowStartNotBeforeEnd,
    WindowsOverlap,
    WindowOutsidePreset,
    RetryDelayRange,
    MaxAttemptsRange,
    CallerIdRequired,
    CallerIdFormat,
    ScriptTooLong,
    WrapUpRange,
    PreviewCountdownRange,
    FieldKeyFormat,
    FieldKeyDuplicate,
    FieldLabelRequired,
    DispositionRequired,
    DispositionCodeFormat,
    DispositionCodeDuplicate,
    DispositionLabelRequired,
    QuestionnaireRequired,
    QuestionnaireTitleRequired,
    QuestionRequired,
    QuestionIdFormat,
    QuestionIdDuplicate,
    QuestionTextRequired,
    QuestionOptionsTooFew,
    QuestionOptionDuplicate,
    QuestionScaleRange,
    SkipAnswerUnknown,
    SkipTargetUnknown,
    SkipTargetNotForward,
}

/// <summary>One refusal: the field it concerns (a dotted path such as <c>Settings.CallingWindows[2]</c>), the problem and its arguments.</summary>
public sealed record CampaignValidationError(string Field, CampaignProblem Problem, IReadOnlyList<object> Args)
{
    public CampaignValidationError(string field, CampaignProblem problem) : this(field, problem, []) { }
}
