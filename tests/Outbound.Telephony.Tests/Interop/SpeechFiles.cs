namespace Outbound.Telephony.Tests.Interop;

/// <summary>Speech made with espeak-ng and converted with sox: the "real voice" inputs of the AMD tests.</summary>
internal static class SpeechFiles
{
    /// <summary>Speaks <paramref name="text"/> and writes it as 8 kHz mono with silence around it, as WAV and raw μ-law.</summary>
    public static async Task<(string Wav, string MuLaw)> MakeAsync(string directory, string name, string text, double leadSeconds, double tailSeconds)
    {
        var spoken = Path.Combine(directory, name + "-espeak.wav");
        var wav = Path.Combine(directory, name + ".wav");
        var ulaw = Path.Combine(directory, name + ".ulaw");
        await Run("espeak-ng", ["-w", spoken, text], directory);
        var pad = new[] { "pad", leadSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), tailSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await Run("sox", [spoken, "-r", "8000", "-c", "1", "-b", "16", wav, .. pad], directory);
        await Run("sox", [wav, "-t", "ul", ulaw], directory);
        return (wav, ulaw);
    }

    private static async Task Run(string tool, string[] arguments, string directory)
    {
        var (exit, output) = await ExternalTool.RunAsync(tool, arguments, directory, TimeSpan.FromSeconds(30));
        if (exit != 0) throw new Xunit.Sdk.XunitException($"{tool} {string.Join(' ', arguments)} failed ({exit}): {output}");
    }
}
