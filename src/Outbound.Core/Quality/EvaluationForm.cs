namespace Outbound.Core.Quality;

/// <summary>How a scorer answers an item of an evaluation form (评分表).</summary>
public enum ItemKind
{
    /// <summary>Done or not (是/否), or not applicable: earns its whole weight or nothing.</summary>
    YesNo,
    /// <summary>A 0–N rating: earns weight × value / N.</summary>
    Scale,
    /// <summary>扣分项: carries no weight; each occurrence takes its points off the total.</summary>
    Deduction,
}

/// <summary>What a failed critical item (致命项) does to the evaluation; each form chooses.</summary>
public enum CriticalFailureMode
{
    /// <summary>The whole evaluation scores 0.</summary>
    ScoreZero,
    /// <summary>The score is kept but the evaluation is marked failed (band 不合格).</summary>
    FailFlag,
}

/// <summary>The four performance bands of the seed's QA practice, best first.</summary>
public enum Band
{
    Excellent, // 优秀
    Good,      // 良好
    Pass,      // 合格
    Fail,      // 不合格
}

/// <summary>
/// What a failed critical item stands for, when the HR side must hear of it: a failed "non-standard service language"
/// item proposes assessment rule 1 (DOMAIN.md, part 八).
/// </summary>
public enum CriticalTopic
{
    None,
    ServiceLanguage,
}

/// <summary>
/// One item of a form. <see cref="Key"/> stays the same across versions so that answers, calibration spreads and
/// notes can be compared item by item. A critical item is a yes/no item whose "no" fails the evaluation.
/// </summary>
public sealed record FormItem(
    string Key,
    string Label,
    ItemKind Kind,
    decimal Weight,
    int ScaleMax = 0,
    decimal DeductionPoints = 0,
    bool Critical = false,
    bool AllowNotApplicable = true,
    CriticalTopic Topic = CriticalTopic.None)
{
    /// <summary>Counts towards the 100 points of the weighted part of the form.</summary>
    public bool IsWeighted => Kind != ItemKind.Deduction && Weight > 0;

    /// <summary>The most an answer may be: 1 for yes/no, N for a scale, an occurrence count cap for deductions.</summary>
    public int MaxValue => Kind switch
    {
        ItemKind.YesNo => 1,
        ItemKind.Scale => ScaleMax,
        _ => EvaluationForm.MaxDeductionOccurrences,
    };
}

public sealed record FormSection(string Title, IReadOnlyList<FormItem> Items);

/// <summary>A band from <see cref="From"/> (included) to <see cref="To"/> (excluded; the top band includes 100).</summary>
public sealed record BandRange(Band Band, decimal From, decimal To);

/// <summary>
/// The content of one version of an evaluation form: sections of items whose weights add up to 100, the bands the
/// score falls into, and what a failed critical item does. Stored as the version's JSON; an evaluation keeps the
/// version it was scored with, so scores never change under a later edit.
/// </summary>
public sealed record EvaluationForm(
    string Name,
    IReadOnlyList<FormSection> Sections,
    IReadOnlyList<BandRange> Bands,
    CriticalFailureMode CriticalMode)
{
    public const decimal TotalWeight = 100m;
    public const int MaxDeductionOccurrences = 20;

    public IEnumerable<FormItem> Items => Sections.SelectMany(s => s.Items);

    public FormItem? Item(string key) => Items.FirstOrDefault(i => i.Key == key);

    /// <summary>The usual bands: 优秀 90–100, 良好 80–90, 合格 60–80, 不合格 below 60.</summary>
    public static IReadOnlyList<BandRange> DefaultBands { get; } =
    [
        new(Band.Excellent, 90, 100),
        new(Band.Good, 80, 90),
        new(Band.Pass, 60, 80),
        new(Band.Fail, 0, 60),
    ];

    /// <summary>The band of a score; a failed evaluation is always <see cref="Band.Fail"/>.</summary>
    public Band BandOf(decimal score, bool failed = false)
    {
        if (failed) return Band.Fail;
        foreach (var b in Bands)
            if (score >= b.From && (score < b.To || (b.To >= TotalWeight && score <= b.To))) return b.Band;
        return Band.Fail;
    }
}
