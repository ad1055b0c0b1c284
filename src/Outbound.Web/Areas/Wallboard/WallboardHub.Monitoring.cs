using System.Security.Claims;
using Akka.Actor;
using Outbound.Dialer.Calls;
using Outbound.Web.Areas.Desk;

namespace Outbound.Web.Areas.Wallboard;

/// <summary>
/// Monitoring of an agent's live call from the wallboard: listen 监听, whisper 耳语, barge-in 强插, stop, force release 强拆
/// and intercept 拦截. The supervisor's own phone joins the call. Gated like the force actions (the wallboard policy:
/// Supervisor or Admin) and logged the same way, who and when, before the call is touched.
/// </summary>
public sealed partial class WallboardHub
{
    public static readonly IReadOnlyList<string> MonitorActions = ["listen", "whisper", "barge", "stop_monitor", "force_release", "intercept"];

    /// <returns>An error text, or null when the call took it.</returns>
    public async Task<string?> Monitor(string agentId, string action)
    {
        if (!MonitorActions.Contains(action)) return CallControlTexts.NotOnCall;
        if (await OverseenDeskAsync(agentId) is not { } desk) return WallboardTexts.NotOverseen;
        var supervisor = await LogAsync(agentId, action, null);
        CallControl.ICommand command = action switch
        {
            "listen" => new CallControl.Monitor(supervisor, MonitorMode.Listen),
            "whisper" => new CallControl.Monitor(supervisor, MonitorMode.Whisper),
            "barge" => new CallControl.Monitor(supervisor, MonitorMode.Barge),
            "stop_monitor" => new CallControl.StopMonitor(supervisor),
            "force_release" => new CallControl.ForceRelease(supervisor),
            _ => new CallControl.Intercept(supervisor),
        };
        var reply = await desk.Session.Ask<CallControlReply>(command, TimeSpan.FromSeconds(10));
        return CallControlTexts.Error(reply.Error);
    }
}
