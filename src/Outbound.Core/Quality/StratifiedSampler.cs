using System.Runtime.InteropServices;
using MathNet.Numerics.Random;

namespace Outbound.Core.Quality;

/// <summary>
/// Draws a plan's sample from the period's calls. Per agent, the eligible calls (talk time at least the minimum) are
/// split into strata by disposition and talk time band; the agent's quota is shared over the strata in proportion to
/// their size (largest remainders), and each stratum's share is drawn without replacement. Targeted rules then add
/// every complaint, long and short call not already drawn.
/// Reproducible: calls are ordered by id and each agent draws from its own xoshiro256** stream seeded from the plan's
/// seed and the agent, so the same calls and seed give the same sample on any machine and runtime, and one agent's
/// calls never change another agent's draw.
/// </summary>
public static class StratifiedSampler
{
    public static SampleResult Draw(IEnumerable<SampleCandidate> candidates, SamplingSettings settings, int seed)
    {
        var byAgent = new Dictionary<string, List<SampleCandidate>>(StringComparer.Ordinal);
        var count = 0;
        foreach (var c in candidates)
        {
            if (!byAgent.TryGetValue(c.Agent, out var list)) byAgent[c.Agent] = list = [];
            list.Add(c);
            count++;
        }

        var rules = new TargetRules(settings);
        var picked = new List<SampledCall>();
        var shortAgents = new List<ShortAgent>();
        foreach (var agent in byAgent.Keys.Order(StringComparer.Ordinal))
        {
            var calls = CollectionsMarshal.AsSpan(byAgent[agent]);
            calls.Sort(static (a, b) => a.CallId.CompareTo(b.CallId));
            var strata = Strata(calls, settings, out var eligible);
            if (eligible < settings.PerAgent)
            {
                shortAgents.Add(new ShortAgent(agent, eligible, settings.PerAgent));
                if (!settings.TakeAllWhenShort) continue;
            }
            var random = DrawAgent(strata, Math.Min(settings.PerAgent, eligible), settings, new Xoshiro256StarStar(AgentSeed(seed, agent)));
            picked.AddRange(random);
            var drawn = random.Select(r => r.CallId).ToHashSet();
            foreach (var c in calls)
                if (rules.Reason(c) is { } reason && !drawn.Contains(c.CallId))
                    picked.Add(new SampledCall(c.CallId, c.Agent, reason, StratumOf(c, settings)));
        }
        if (shortAgents.Count > 0 && !settings.TakeAllWhenShort) picked.Clear();
        return new SampleResult(picked, shortAgents, byAgent.Count, count);
    }

    /// <summary>An agent's eligible calls (already in id order) by disposition and talk time band, the strata in that order.</summary>
    private static List<List<SampleCandidate>> Strata(ReadOnlySpan<SampleCandidate> calls, SamplingSettings settings, out int eligible)
    {
        var strata = new Dictionary<(string Disposition, int Band), List<SampleCandidate>>();
        eligible = 0;
        foreach (var c in calls)
        {
            if (c.TalkSeconds < settings.MinTalkSeconds) continue;
            var key = (c.Disposition ?? "", settings.BandOf(c.TalkSeconds));
            if (!strata.TryGetValue(key, out var stratum)) strata[key] = stratum = [];
            stratum.Add(c);
            eligible++;
        }
        return strata.OrderBy(s => s.Key.Disposition, StringComparer.Ordinal).ThenBy(s => s.Key.Band).Select(s => s.Value).ToList();
    }

    private static List<SampledCall> DrawAgent(List<List<SampleCandidate>> strata, int quota, SamplingSettings settings, Random rng)
    {
        var shares = Allocate(strata.Select(s => s.Count).ToList(), quota);
        var result = new List<SampledCall>(quota);
        for (var s = 0; s < strata.Count; s++)
        {
            var stratum = strata[s];
            // A partial Fisher–Yates shuffle: the first shares[s] positions become a uniform sample without replacement.
            for (var i = 0; i < shares[s]; i++)
            {
                var j = i + rng.Next(stratum.Count - i);
                (stratum[i], stratum[j]) = (stratum[j], stratum[i]);
                result.Add(new SampledCall(stratum[i].CallId, stratum[i].Agent, SampleReason.Random, StratumOf(stratum[i], settings)));
            }
        }
        return result;
    }

    /// <summary>Proportional allocation with largest remainders (ties to the earlier stratum); never more than a stratum holds.</summary>
    public static int[] Allocate(IReadOnlyList<int> sizes, int quota)
    {
        var total = sizes.Sum();
        quota = Math.Min(quota, total);
        var shares = new int[sizes.Count];
        if (total == 0 || quota == 0) return shares;
        var remainders = new double[sizes.Count];
        for (var i = 0; i < sizes.Count; i++)
        {
            var exact = (double)quota * sizes[i] / total;
            shares[i] = (int)Math.Floor(exact);
            remainders[i] = exact - shares[i];
        }
        var left = quota - shares.Sum();
        foreach (var i in Enumerable.Range(0, sizes.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i))
        {
            if (left == 0) break;
            if (shares[i] >= sizes[i]) continue;
            shares[i]++;
            left--;
        }
        return shares;
    }

    /// <summary>A plan's targeted rules, read once: every call of a million is checked against them.</summary>
    private sealed class TargetRules(SamplingSettings s)
    {
        private readonly HashSet<string> _complaints = s.ComplaintDispositions.ToHashSet(StringComparer.Ordinal);
        private readonly int _longerThan = s.LongCallMinutes is { } minutes ? minutes * 60 : int.MaxValue;
        private readonly int _shorterThan = s.ShortCallSeconds ?? int.MinValue;

        public SampleReason? Reason(in SampleCandidate c) =>
            c.Disposition is { } d && _complaints.Contains(d) ? SampleReason.Complaint
            : c.TalkSeconds > _longerThan ? SampleReason.LongCall
            : c.TalkSeconds < _shorterThan ? SampleReason.ShortCall
            : null;
    }

    private static string StratumOf(SampleCandidate c, SamplingSettings s) => $"{c.Disposition ?? "-"}/{s.BandOf(c.TalkSeconds)}";

    /// <summary>The plan's seed mixed with the agent (FNV-1a over its UTF-16 code units): stable across processes, unlike string hash codes.</summary>
    public static int AgentSeed(int seed, string agent)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var ch in agent)
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return unchecked((int)hash);
    }
}
