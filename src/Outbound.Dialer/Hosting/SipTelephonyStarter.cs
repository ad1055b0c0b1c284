using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outbound.Data.Telephony;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.SipAdapter;

namespace Outbound.Dialer.Hosting;

/// <summary>
/// Starts the Sip adapter with the trunk stored in the database and keeps it, the registrar's agent accounts and the
/// running hotlines' numbers in step with the admins' edits, reloading them every <see cref="RefreshEvery"/> (no restart needed).
/// Registered before the actor system, so campaigns resume on a started adapter.
/// </summary>
public sealed class SipTelephonyStarter(
    SipTelephony telephony, SipAgentDirectory directory, SipTrunkStore trunks, SipAgentAccounts accounts, SipHotlines hotlines,
    TimeProvider time, ILogger<SipTelephonyStarter> logger) : IHostedService, IAsyncDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private Task _refresh = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReloadAgentsAsync(cancellationToken);
        await hotlines.ReloadAsync(cancellationToken);
        var stored = await trunks.LoadForDialingAsync(cancellationToken);
        if (stored is null) logger.LogError("No SIP trunk is configured (Admin → 中继): every call will fail as trunk down");
        else if (stored.SecretUnreadable)
            logger.LogError("The SIP trunk password cannot be decrypted (Data Protection keys changed): enter it again in the admin");
        await telephony.StartAsync(stored is null ? null : ToSettings(stored), cancellationToken);
        logger.LogInformation("Sip adapter on {Host}:{Port}; trunk {Trunk} ({State}); {Agents} agent accounts; {Hotlines} hotline numbers",
            telephony.Stack.Host, telephony.Stack.Port, stored?.Trunk.Host ?? "none", telephony.TrunkState, directory.Count, hotlines.Count);
        _refresh = RefreshAsync(_stop.Token);
    }

    public static SipTrunkSettings ToSettings(SipTrunkWithSecret stored) => new()
    {
        Host = stored.Trunk.Host,
        Port = stored.Trunk.Port,
        Transport = stored.Trunk.Transport == "tcp" ? SipTransportKind.Tcp : SipTransportKind.Udp,
        Username = stored.Trunk.Username,
        Password = stored.Password,
        Realm = stored.Trunk.Realm,
        CallerId = stored.Trunk.CallerId,
        OptionsInterval = TimeSpan.FromSeconds(stored.Trunk.OptionsIntervalSeconds),
    };

    private async Task ReloadAgentsAsync(CancellationToken ct)
    {
        var loaded = await accounts.LoadForRegistrarAsync(ct);
        directory.Replace(loaded.Select(a => new SipAgentAccount(a.Agent, a.Username, a.Realm, a.Ha1Md5, a.Ha1Sha256)));
    }

    /// <summary>New calls go to the trunk as the admin last saved it; calls already up stay where they are.</summary>
    private async Task ReloadTrunkAsync(CancellationToken ct)
    {
        var stored = await trunks.LoadForDialingAsync(ct);
        var settings = stored is null ? null : ToSettings(stored);
        if (settings == telephony.Trunk) return;
        var resolved = await telephony.UseTrunkAsync(settings, ct);
        if (resolved) logger.LogInformation("SIP trunk changed: new calls go to {Host}:{Port}", settings?.Host ?? "none", settings?.Port);
        else logger.LogError("SIP trunk changed to {Host}, which does not resolve: calls fail as trunk down", settings?.Host);
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RefreshEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await ReloadAgentsAsync(ct);
                    await ReloadTrunkAsync(ct);
                    await hotlines.ReloadAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Reloading the SIP trunk, the agents' SIP accounts or the hotline numbers failed; the previous ones stay in use");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _refresh;
    }

    public ValueTask DisposeAsync()
    {
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
