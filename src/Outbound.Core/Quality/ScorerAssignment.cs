namespace Outbound.Core.Quality;

/// <summary>A Qa scorer and the evaluations already waiting for them (their workload before this plan).</summary>
public sealed record Scorer(Guid Id, int OpenWork);

/// <summary>
/// Splits sampled calls over the Qa staff so that workloads end up as even as possible: each call, in call order, goes
/// to the scorer with the least work so far (ties to the earlier scorer in the list). Nobody is given a call of their
/// own — a Qa user never evaluates themself; a call nobody else can take stays unassigned (null).
/// </summary>
public static class ScorerAssignment
{
    public static IReadOnlyDictionary<Guid, Guid?> Balance(IReadOnlyList<SampledCall> calls, IReadOnlyList<Scorer> scorers)
    {
        var load = scorers.Select(s => s.OpenWork).ToArray();
        var result = new Dictionary<Guid, Guid?>(calls.Count);
        foreach (var call in calls.OrderBy(c => c.CallId))
        {
            var best = -1;
            for (var i = 0; i < scorers.Count; i++)
            {
                if (IsSelf(scorers[i].Id, call.Agent)) continue;
                if (best < 0 || load[i] < load[best]) best = i;
            }
            result[call.CallId] = best < 0 ? null : scorers[best].Id;
            if (best >= 0) load[best]++;
        }
        return result;
    }

    /// <summary>Calls name their agent by user id (the desk's agent id).</summary>
    public static bool IsSelf(Guid scorer, string agent) => Guid.TryParse(agent, out var a) && a == scorer;
}
