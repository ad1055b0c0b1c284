namespace Outbound.Core.Quality;

public enum FormProblem
{
    NameRequired,
    NoItems,
    SectionTitleRequired,
    ItemLabelRequired,
    ItemKeyDuplicate,
    WeightNegative,
    WeightRequired,
    WeightsDoNotAddUp,
    ScaleMaxRange,
    DeductionPointsRange,
    CriticalMustBeYesNo,
    BandMissing,
    BandRange,
    BandOverlap,
    BandGap,
}

/// <summary>One problem of a form: where (section and item index, or the band) and what; the web page words it.</summary>
public sealed record FormValidationError(string Field, FormProblem Problem, params object[] Args);

/// <summary>
/// Checks a form before a version is stored: every item labelled, weights of the weighted items adding up to exactly
/// 100, scales and deductions in range, critical items yes/no, and the four bands covering 0–100 without overlap or gap.
/// Pure; returns every problem found, so one save shows them all.
/// </summary>
public static class FormValidator
{
    public const int MaxScale = 10;
    public const decimal MaxDeductionPoints = 100m;

    public static IReadOnlyList<FormValidationError> Validate(EvaluationForm form)
    {
        var errors = new List<FormValidationError>();
        void Add(string field, FormProblem problem, params object[] args) => errors.Add(new(field, problem, args));

        if (string.IsNullOrWhiteSpace(form.Name)) Add("Name", FormProblem.NameRequired);
        if (!form.Items.Any()) Add("Sections", FormProblem.NoItems);

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < form.Sections.Count; s++)
        {
            var section = form.Sections[s];
            if (string.IsNullOrWhiteSpace(section.Title)) Add($"Sections[{s}].Title", FormProblem.SectionTitleRequired, s + 1);
            for (var i = 0; i < section.Items.Count; i++)
            {
                var item = section.Items[i];
                var field = $"Sections[{s}].Items[{i}]";
                var where = $"{s + 1}.{i + 1}";
                if (string.IsNullOrWhiteSpace(item.Label)) Add($"{field}.Label", FormProblem.ItemLabelRequired, where);
                if (!keys.Add(item.Key)) Add($"{field}.Key", FormProblem.ItemKeyDuplicate, where, item.Key);
                if (item.Weight < 0) Add($"{field}.Weight", FormProblem.WeightNegative, where);
                else if (item.Kind != ItemKind.Deduction && item.Weight == 0 && !item.Critical) Add($"{field}.Weight", FormProblem.WeightRequired, where);
                if (item.Kind == ItemKind.Scale && item.ScaleMax is < 1 or > MaxScale) Add($"{field}.ScaleMax", FormProblem.ScaleMaxRange, where, 1, MaxScale);
                if (item.Kind == ItemKind.Deduction && (item.DeductionPoints <= 0 || item.DeductionPoints > MaxDeductionPoints))
                    Add($"{field}.DeductionPoints", FormProblem.DeductionPointsRange, where, MaxDeductionPoints);
                if (item.Critical && item.Kind != ItemKind.YesNo) Add($"{field}.Critical", FormProblem.CriticalMustBeYesNo, where);
            }
        }

        var total = form.Items.Where(i => i.Kind != ItemKind.Deduction && i.Weight > 0).Sum(i => i.Weight);
        if (form.Items.Any() && total != EvaluationForm.TotalWeight) Add("Weights", FormProblem.WeightsDoNotAddUp, total, EvaluationForm.TotalWeight);

        ValidateBands(form.Bands, Add);
        return errors;
    }

    private static void ValidateBands(IReadOnlyList<BandRange> bands, Action<string, FormProblem, object[]> add)
    {
        foreach (var band in Enum.GetValues<Band>())
            if (bands.Count(b => b.Band == band) != 1) add($"Bands[{band}]", FormProblem.BandMissing, [band]);
        foreach (var b in bands)
            if (b.From < 0 || b.To > EvaluationForm.TotalWeight || b.From >= b.To) add($"Bands[{b.Band}]", FormProblem.BandRange, [b.Band]);

        var ordered = bands.OrderBy(b => b.From).ToList();
        if (ordered.Count == 0) return;
        if (ordered[0].From > 0) add("Bands", FormProblem.BandGap, [0m, ordered[0].From]);
        for (var i = 1; i < ordered.Count; i++)
        {
            var (low, high) = (ordered[i - 1], ordered[i]);
            if (high.From < low.To) add($"Bands[{high.Band}]", FormProblem.BandOverlap, [low.Band, high.Band]);
            else if (high.From > low.To) add("Bands", FormProblem.BandGap, [low.To, high.From]);
        }
        if (ordered[^1].To < EvaluationForm.TotalWeight) add("Bands", FormProblem.BandGap, [ordered[^1].To, EvaluationForm.TotalWeight]);
    }
}
