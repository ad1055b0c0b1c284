namespace Outbound.Cli;

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>Options of the form <c>--name value</c>, repeatable, and flags (<c>--json</c>).</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public static CliArgs Parse(IEnumerable<string> args)
    {
        var parsed = new CliArgs();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
                throw new CliUsageException($"unexpected argument '{list[i]}'");
            var name = list[i][2..];
            if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                if (!parsed._values.TryGetValue(name, out var values)) parsed._values[name] = values = [];
                values.Add(list[++i]);
            }
            else parsed._flags.Add(name);
        }
        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);
    public string? Optional(string name) => _values.TryGetValue(name, out var v) ? v[^1] : null;
    public string Required(string name) => Optional(name) ?? throw new CliUsageException($"--{name} is required");
    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];
    public int Int(string name, int fallback) =>
        Optional(name) is { } s ? int.TryParse(s, out var n) ? n : throw new CliUsageException($"--{name} must be a whole number") : fallback;
}
