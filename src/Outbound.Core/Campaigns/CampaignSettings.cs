using NodaTime;
using Outbound.Core.Amd;

namespace Outbound.Core.Campaigns;

/// <summary>
/// Everything a campaign manager sets up for a campaign besides its identity. Stored as JSON in
/// <c>campaigns.settings</c>; validated by <see cref="CampaignSettingsValidator"/>.
/// </summary>
public sealed record CampaignSettings
{
    /// <summary>Share of live answers that may be abandoned, e.g. 0.03 for 3 %.</summary>
    public decimal AbandonCap { get; init; } = 0.03m;
    public int AbandonWindowHours { get; init; } = 24;
    public RegulatorPreset Regulator { get; init; } = RegulatorPreset.CnConsumerCollections;
    /// <summary>Allowed calling times in the lead's own local time. Empty means the preset's defaults.</summary>
    public IReadOnlyList<CallingWindow> CallingWindows { get; init; } = [];
    /// <summary>Minutes to wait before the next attempt, per outcome; an outcome not listed is final.</summary>
    public IReadOnlyDictionary<CallOutcome, int> RetryDelayMinutes { get; init; } = new Dictionary<CallOutcome, int>
    {
        [CallOutcome.Busy] = 10,
        [CallOutcome.NoAnswer] = 60,
        [CallOutcome.Machine] = 120,
        [CallOutcome.Abandoned] = 60,
        [CallOutcome.Congestion] = 5,
    };
    public int MaxAttempts { get; init; } = 6;
    public string CallerId { get; init; } = "";
    public string Script { get; init; } = "";
    public int WrapUpSeconds { get; init; } = 15;
    /// <summary>Preview mode: seconds before the lead is dialled automatically; 0 waits for the agent.</summary>
    public int PreviewCountdownSeconds { get; init; }
    public bool AmdEnabled { get; init; } = true;
    /// <summary>
    /// Share of humans the detector takes for machines, as far as the campaign knows (conservative by default); the
    /// dialer learns the real one from the machine verdicts it has agents check.
    /// </summary>
    public decimal AmdFalsePositiveRate { get; init; } = 0.01m;
    /// <summary>Answering-machine detection tuning; Asterisk's defaults unless the campaign changes them.</summary>
    public AmdOptions Amd { get; init; } = AmdOptions.Default;
    public bool RecordCalls { get; init; } = true;
    public IReadOnlyList<LeadFieldDefinition> CustomFields { get; init; } = [];
    public IReadOnlyList<Disposition> Dispositions { get; init; } = [];
    public Questionnaire? Questionnaire { get; init; }
}

public sealed record CallingWindow(IsoDayOfWeek Day, LocalTime Start, LocalTime End);

public enum LeadFieldType { Text, Number, Money, Date }

/// <summary>A campaign-specific column of the call list (amount overdue, days past due, product …).</summary>
public sealed record LeadFieldDefinition(string Key, string Label, LeadFieldType Type, bool Required = false);

/// <summary>How an agent closes a call. <see cref="IsContact"/> and <see cref="IsRightPartyContact"/> feed the contact rates.</summary>
public sealed record Disposition(string Code, string Label, bool IsContact, bool IsRightPartyContact, bool IsFinal, bool IsPromiseToPay = false)
{
    /// <summary>
    /// The result every outbound call may be given besides the campaign's own: an answering machine was put through
    /// (detection off, or a detector check). The call counts as a machine, not as a live call, and tells the detector's errors.
    /// </summary>
    public const string AnsweringMachineCode = "answering_machine";
}

public sealed record Questionnaire(string Title, IReadOnlyList<Question> Questions);

public enum QuestionType { SingleChoice, MultipleChoice, Scale, Text }

/// <summary>
/// One survey question. <see cref="SkipTo"/> maps a chosen option to the id of the next question
/// (or "end"); an unlisted answer goes on to the next question in order.
/// </summary>
public sealed record Question(
    string Id,
    string Text,
    QuestionType Type,
    IReadOnlyList<string> Options,
    int ScaleMin = 1,
    int ScaleMax = 5,
    IReadOnlyDictionary<string, string>? SkipTo = null);
