namespace Outbound.Core.Campaigns;

public enum CampaignKind
{
    Collections,     // 催收
    CallbackSurvey,  // 回访
    Telemarketing,   // 电销
    Inbound,         // 呼入热线
}

public enum DialMode
{
    Predictive,
    Progressive,
    Preview,
    Manual,
}

/// <summary>The rule set a campaign is held to (see the dialer issue and DOMAIN.md).</summary>
public enum RegulatorPreset
{
    /// <summary>China Banking Association consumer-loan collections guideline: no calls 22:00–08:00, ≤ 6 unanswered attempts a day per number.</summary>
    CnConsumerCollections,
    /// <summary>US Telemarketing Sales Rule: 08:00–21:00 local, 3 % abandons per campaign per 30 days, 15 s minimum ring.</summary>
    UsTsr,
    /// <summary>UK Ofcom persistent-misuse policy: 3 % per 24 h, AMD false positives counted, no repeat within 72 h of an abandon.</summary>
    UkOfcom,
    Custom,
}

/// <summary>How a call attempt ended, as far as retry rules and reports care.</summary>
public enum CallOutcome
{
    Answered,
    Busy,
    NoAnswer,
    Machine,
    Abandoned,
    Invalid,
    Congestion,
    Rejected,
    Failed,
}
