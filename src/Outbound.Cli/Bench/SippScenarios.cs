namespace Outbound.Cli.Bench;

/// <summary>The sipp scenarios the SIP benches run, shipped inside the CLI and written out next to sipp's statistics.</summary>
internal static class SippScenarios
{
    /// <summary>Writes <c>Scenarios/{name}</c> into <paramref name="folder"/> and returns its path.</summary>
    public static string WriteTo(string folder, string name)
    {
        using var resource = typeof(SippScenarios).Assembly.GetManifestResourceStream($"Outbound.Cli.Bench.Scenarios.{name}")
                             ?? throw new InvalidOperationException($"scenario {name} is not embedded in the CLI");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }
}
