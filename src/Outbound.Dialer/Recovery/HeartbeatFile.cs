using System.Globalization;

namespace Outbound.Dialer.Recovery;

/// <summary>
/// The run's last sign of life on the node's own disk, written every heartbeat (also while the database is away), so
/// that the next start dates a crash to within a heartbeat even when the database could not be told.
/// </summary>
public sealed class HeartbeatFile(string folder)
{
    private readonly string _path = Path.Combine(folder, "heartbeat");

    public void Write(string runId, DateTimeOffset at)
    {
        Directory.CreateDirectory(folder);
        var temp = _path + ".tmp";
        File.WriteAllText(temp, $"{runId}\n{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}\n");
        File.Move(temp, _path, overwrite: true);
    }

    /// <summary>The run the file names and when it was last alive; null when there is no readable file.</summary>
    public (string Run, DateTimeOffset At)? Read()
    {
        try
        {
            var lines = File.ReadAllLines(_path);
            return lines.Length >= 2 && long.TryParse(lines[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                ? (lines[0], DateTimeOffset.FromUnixTimeMilliseconds(ms))
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
