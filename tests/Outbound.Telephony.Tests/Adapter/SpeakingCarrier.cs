using Outbound.Telephony.Tests.Interop;

namespace Outbound.Telephony.Tests.Adapter;

/// <summary>sipp as a carrier whose called party answers at once and speaks <c>audio</c> (raw μ-law), then waits for our BYE.</summary>
internal static class SpeakingCarrier
{
    public static async Task<SippProcess> StartAsync(string workFolder, string muLawAudio, string name = "speaking")
    {
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uas_answering_machine.xml"));
        var scenario = Path.Combine(workFolder, name + ".xml");
        await File.WriteAllTextAsync(scenario, template.Replace("GREETING_FILE", muLawAudio));
        return SippProcess.Uas(scenario);
    }
}
