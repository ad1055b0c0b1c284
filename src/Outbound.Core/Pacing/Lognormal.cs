namespace Outbound.Core.Pacing;

/// <summary>A lognormal duration given by its mean and standard deviation (talk times are modelled so).</summary>
public readonly record struct Lognormal
{
    public Lognormal(double mean, double stdDev)
    {
        if (mean <= 0) throw new ArgumentOutOfRangeException(nameof(mean), "mean must be positive");
        if (stdDev < 0) throw new ArgumentOutOfRangeException(nameof(stdDev), "standard deviation cannot be negative");
        Mean = mean;
        Sigma = Math.Sqrt(Math.Log(1 + stdDev * stdDev / (mean * mean)));
        Mu = Math.Log(mean) - Sigma * Sigma / 2;
    }

    public double Mean { get; }
    public double Mu { get; }
    public double Sigma { get; }

    public double Cdf(double x)
    {
        if (x <= 0) return 0;
        if (Sigma == 0) return x >= Mean ? 1 : 0;
        return Normal.Cdf((Math.Log(x) - Mu) / Sigma);
    }

    /// <summary>P(X &gt; x), computed from the upper tail so that it keeps its precision far out in it.</summary>
    public double Survival(double x)
    {
        if (x <= 0) return 1;
        if (Sigma == 0) return x >= Mean ? 0 : 1;
        return Normal.Cdf(-(Math.Log(x) - Mu) / Sigma);
    }

    /// <summary>
    /// P(X ≤ elapsed + horizon | X > elapsed): the chance something that has lasted <paramref name="elapsed"/> ends within
    /// <paramref name="horizon"/>. Past the end of the distribution (an after-call work far longer than any seen) it is 0:
    /// the far tail of a lognormal ends ever more slowly, and an agent gone that long is not to be counted on.
    /// </summary>
    public double EndsWithin(double elapsed, double horizon)
    {
        if (horizon <= 0) return 0;
        var survived = Survival(elapsed);
        if (survived <= 1e-12) return Sigma == 0 ? 1 : 0;
        return Math.Clamp((survived - Survival(elapsed + horizon)) / survived, 0, 1);
    }

    /// <summary>A draw from a standard normal <paramref name="z"/> mapped onto this distribution.</summary>
    public double FromStandardNormal(double z) => Sigma == 0 ? Mean : Math.Exp(Mu + Sigma * z);
}
