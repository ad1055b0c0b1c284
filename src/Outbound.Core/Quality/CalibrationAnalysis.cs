using MathNet.Numerics.Statistics;

namespace Outbound.Core.Quality;

/// <summary>One scorer's blind evaluation of one calibration call: the total and the value per item (null when N/A).</summary>
public sealed record CalibrationScore(Guid Call, Guid Scorer, double Total, IReadOnlyDictionary<string, double?> Items);

/// <summary>Spread of the scores one call got: standard deviation (sample), range, and the consensus it is judged against.</summary>
public sealed record CallSpread(Guid Call, int Scorers, double Mean, double StandardDeviation, double Min, double Max, double Consensus)
{
    public double Range => Max - Min;
}

/// <summary>Spread of one item on one call, over the scorers who did not mark it N/A.</summary>
public sealed record ItemSpread(Guid Call, string Item, int Scorers, double Mean, double StandardDeviation, double Range);

/// <summary>How far a scorer lies from the consensus: mean absolute and mean signed deviation of their totals.</summary>
public sealed record ScorerDeviation(Guid Scorer, int Calls, double MeanAbsoluteDeviation, double MeanDeviation, bool OutsideTolerance);

public sealed record CalibrationResult(
    IReadOnlyList<CallSpread> Calls,
    IReadOnlyList<ItemSpread> Items,
    IReadOnlyList<ScorerDeviation> Scorers,
    double? Icc21,
    double? KrippendorffAlpha,
    bool AgainstExpert);

/// <summary>
/// A calibration session (校准) read back: per call and per item the spread of the blind scores, per scorer the
/// deviation from the consensus — the mean score of the call, or the lead's expert score when one is set — and
/// the session's agreement as ICC(2,1) and Krippendorff's alpha (interval) over the totals. A scorer whose mean
/// absolute deviation exceeds the tolerance (points) is flagged.
/// </summary>
public static class CalibrationAnalysis
{
    public static CalibrationResult Analyze(IReadOnlyList<CalibrationScore> scores, double tolerance, Guid? expert = null)
    {
        var calls = scores.Select(s => s.Call).Distinct().Order().ToList();
        var scorers = scores.Select(s => s.Scorer).Distinct().Order().ToList();
        var byCall = scores.ToLookup(s => s.Call);
        var againstExpert = expert is { } e && scores.Any(s => s.Scorer == e);

        var spreads = new List<CallSpread>();
        var consensus = new Dictionary<Guid, double>();
        foreach (var call in calls)
        {
            var totals = byCall[call].Select(s => s.Total).ToArray();
            var expertScore = againstExpert ? byCall[call].FirstOrDefault(s => s.Scorer == expert)?.Total : null;
            consensus[call] = expertScore ?? totals.Mean();
            spreads.Add(new CallSpread(call, totals.Length, totals.Mean(), Sd(totals), totals.Min(), totals.Max(), consensus[call]));
        }

        var items = new List<ItemSpread>();
        foreach (var call in calls)
            foreach (var key in byCall[call].SelectMany(s => s.Items.Keys).Distinct().Order(StringComparer.Ordinal))
            {
                var values = byCall[call].Select(s => s.Items.GetValueOrDefault(key)).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
                if (values.Length > 0) items.Add(new ItemSpread(call, key, values.Length, values.Mean(), Sd(values), values.Max() - values.Min()));
            }

        var deviations = new List<ScorerDeviation>();
        foreach (var scorer in scorers)
        {
            if (againstExpert && scorer == expert) continue;
            var diffs = scores.Where(s => s.Scorer == scorer).Select(s => s.Total - consensus[s.Call]).ToArray();
            var mad = diffs.Select(Math.Abs).Mean();
            deviations.Add(new ScorerDeviation(scorer, diffs.Length, mad, diffs.Mean(), mad > tolerance));
        }

        var matrix = calls.Select(c => (IReadOnlyList<double?>)scorers.Select(s => byCall[c].FirstOrDefault(x => x.Scorer == s)?.Total).ToList()).ToList();
        return new CalibrationResult(spreads, items, deviations, Agreement.Icc21(matrix), Agreement.KrippendorffAlphaInterval(matrix), againstExpert);
    }

    private static double Sd(double[] values) => values.Length < 2 ? 0 : values.StandardDeviation();
}
