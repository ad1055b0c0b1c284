using System.Globalization;

namespace Outbound.Telephony.Sip.Transport;

/// <summary>
/// The process's descriptors as Linux reports them: the soft limit (<c>ulimit -n</c>) from /proc/self/limits and how
/// many are open (/proc/self/fd). Null elsewhere or when unreadable: the configured limits then stand alone.
/// </summary>
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
            // No /proc.
        }
        return null;
    }

    public static int? Open()
    {
        try
        {
            return OperatingSystem.IsLinux() ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;   // out of descriptors to even look: no headroom either
        }
    }
}
