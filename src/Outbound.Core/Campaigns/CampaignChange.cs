namespace Outbound.Core.Campaigns;

/// <summary>The parts of a campaign's set-up a manager can change, as the running dialer applies them and the live page names them.</summary>
public enum CampaignSettingArea
{
    DialMode,
    /// <summary>Wrap-up time, abandon cap and its window: what pacing is measured against.</summary>
    Pacing,
    CallingWindows,
    /// <summary>Maximum attempts and the regulator's rules (daily attempt caps, hours).</summary>
    AttemptLimits,
    Retries,
    CallerId,
    Amd,
    Recording,
    PreviewCountdown,
    /// <summary>Script, dispositions, questionnaire, custom fields: what the next screen pop shows.</summary>
    Desk,
}

/// <summary>
/// What changed between two versions of a campaign's set-up. A running campaign applies a change from its next dial on
/// (the next lead leased, the next call placed, the next screen pop); calls already placed finish as they started.
/// </summary>
public sealed record CampaignChange(DialMode From, DialMode To, IReadOnlySet<CampaignSettingArea> Areas)
{
    public bool Any => Areas.Count > 0;

    public bool Has(CampaignSettingArea area) => Areas.Contains(area);

    public static CampaignChange Between(DialMode fromMode, CampaignSettings from, DialMode toMode, CampaignSettings to)
    {
        var areas = new HashSet<CampaignSettingArea>();
        void When(bool changed, CampaignSettingArea area) { if (changed) areas.Add(area); }
        When(fromMode != toMode, CampaignSettingArea.DialMode);
        When(from.WrapUpSeconds != to.WrapUpSeconds || from.AbandonCap != to.AbandonCap || from.AbandonWindowHours != to.AbandonWindowHours,
            CampaignSettingArea.Pacing);
        When(!from.CallingWindows.SequenceEqual(to.CallingWindows), CampaignSettingArea.CallingWindows);
        When(from.MaxAttempts != to.MaxAttempts || from.Regulator != to.Regulator, CampaignSettingArea.AttemptLimits);
        When(!SameEntries(from.RetryDelayMinutes, to.RetryDelayMinutes), CampaignSettingArea.Retries);
        When(from.CallerId != to.CallerId, CampaignSettingArea.CallerId);
        When(from.AmdEnabled != to.AmdEnabled || from.Amd != to.Amd, CampaignSettingArea.Amd);
        When(from.RecordCalls != to.RecordCalls, CampaignSettingArea.Recording);
        When(from.PreviewCountdownSeconds != to.PreviewCountdownSeconds, CampaignSettingArea.PreviewCountdown);
        When(from.Script != to.Script || !from.Dispositions.SequenceEqual(to.Dispositions) || !from.CustomFields.SequenceEqual(to.CustomFields)
            || !SameQuestionnaire(from.Questionnaire, to.Questionnaire), CampaignSettingArea.Desk);
        return new CampaignChange(fromMode, toMode, areas);
    }

    private static bool SameEntries<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> a, IReadOnlyDictionary<TKey, TValue> b) =>
        a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var v) && EqualityComparer<TValue>.Default.Equals(e.Value, v));

    private static bool SameQuestionnaire(Questionnaire? a, Questionnaire? b) =>
        a is null || b is null ? a is null && b is null
        : a.Title == b.Title && a.Questions.Count == b.Questions.Count && a.Questions.Zip(b.Questions).All(q =>
            q.First.Id == q.Second.Id && q.First.Text == q.Second.Text && q.First.Type == q.Second.Type
            && q.First.Options.SequenceEqual(q.Second.Options) && q.First.ScaleMin == q.Second.ScaleMin && q.First.ScaleMax == q.Second.ScaleMax
            && SameEntries(q.First.SkipTo ?? new Dictionary<string, string>(), q.Second.SkipTo ?? new Dictionary<string, string>()));
}
