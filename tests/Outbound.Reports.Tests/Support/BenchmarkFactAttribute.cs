namespace Outbound.Reports.Tests.Support;

/// <summary>A benchmark: runs only with OUTBOUND_BENCH=1 (timing goals live in benchmarks, not in the test run).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("OUTBOUND_BENCH") != "1") Skip = "benchmark: set OUTBOUND_BENCH=1 to run";
    }
}
