using System.Diagnostics;

namespace Outbound.Telephony.Tests.Interop;

/// <summary>
/// A real baresip softphone (Debian package baresip) running headless with a sine-wave source and no sound
/// device, auto-answering, registered to our registrar with digest credentials. Killed by its own PID.
/// </summary>
internal sealed class BaresipProcess : IDisposable
{
    public const string Binary = "/usr/bin/baresip";
    private readonly Process _process;
    private readonly string _folder;

    private BaresipProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <param name="commands">Commands baresip runs at start (<c>-e</c>), e.g. <c>/dial sip:…</c>.</param>
    public static BaresipProcess Start(string user, string password, int registrarPort, params string[] commands) =>
        Start(user, password, registrarPort, toneHz: 440, dumpFolder: null, commands);

    /// <param name="toneHz">The frequency of the sine the phone sends.</param>
    /// <param name="dumpFolder">When set, baresip's sndfile module writes what the phone sends and receives there (<c>dump-*-dec.wav</c>: received).</param>
    public static BaresipProcess Start(string user, string password, int registrarPort, int toneHz, string? dumpFolder, params string[] commands)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install the Debian package baresip (ops/install-deps does).");
        var folder = Directory.CreateTempSubdirectory("outbound-baresip-").FullName;
        var sipPort = SippProcess.FreeUdpPort();
        File.WriteAllText(Path.Combine(folder, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort}",
            "net_interface 127.0.0.1",
            "audio_player aubridge,nil",
            $"audio_source ausine,{toneHz}",
            "ausrc_srate 48000",   // ausine only produces 48 kHz stereo
            "ausrc_channels 2",
            "audio_alert aubridge,nil",
            "rtp_ports 42000-42999",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module ausine.so",
            "module aubridge.so",
            dumpFolder is null ? "" : $"module sndfile.so\nsnd_path {dumpFolder}",
            "module_app account.so",
            "module_app menu.so",
            ""));
        File.WriteAllText(Path.Combine(folder, "accounts"),
            $"<sip:{user}@127.0.0.1:{registrarPort}>;auth_pass={password};answermode=auto;audio_codecs=PCMU,PCMA;regint=600\n");
        File.WriteAllText(Path.Combine(folder, "contacts"), string.Empty);
        var info = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-f", folder, "-t", "60", "-s" }.Concat(commands.SelectMany(c => new[] { "-e", c }))) info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("baresip did not start");
        var phone = new BaresipProcess(process, folder);
        process.OutputDataReceived += (_, e) => phone.Log(e.Data);
        process.ErrorDataReceived += (_, e) => phone.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return phone;
    }

    private readonly System.Text.StringBuilder _output = new();

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>What baresip printed (with -s, its SIP trace), for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
