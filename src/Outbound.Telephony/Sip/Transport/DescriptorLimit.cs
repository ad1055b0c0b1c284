using System.Globalization;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>The process's soft limit on open files (<c>ulimit -n</c>), read from /proc on Linux; null elsewhere or when unreadable.</summary>
internal static class DescriptorLimit
{
    public static long? Current()
    {
        try
        {
            if (!OperatingSystem.IsLinux()) return null;
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
                var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc: the configured limits stand alone.
        }
        return null;
    }
}
