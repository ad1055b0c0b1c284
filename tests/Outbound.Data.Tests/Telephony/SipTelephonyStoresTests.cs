using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Outbound.Data.Telephony;
using Outbound.Testing;

namespace Outbound.Data.Tests.Telephony;

/// <summary>The trunk and agent SIP accounts in PostgreSQL: secrets never stored in the clear.</summary>
public sealed class SipTelephonyStoresTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly IDataProtectionProvider _keys = new EphemeralDataProtectionProvider();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private SipTrunkStore Trunks(IDataProtectionProvider? keys = null) => new(_db.DataSource, keys ?? _keys, TimeProvider.System);
    private SipAgentAccounts Accounts => new(_db.DataSource, TimeProvider.System);

    private static readonly SipTrunkRecord Trunk = new("sip.carrier.example", 5060, "udp", "trunkuser", "carrier", "02150001234", 30);

    [Fact]
    public async Task Trunk_password_is_stored_encrypted_and_only_the_dialer_gets_it_back()
    {
        await Trunks().SaveAsync(Trunk, "Trunk-Secret-1", clearPassword: false, "admin@demo.local");

        var shown = await Trunks().GetAsync();
        Assert.Equal(Trunk with { HasPassword = true, UpdatedAt = shown!.UpdatedAt, UpdatedBy = "admin@demo.local" }, shown);
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        var stored = await connection.QuerySingleAsync<string>("SELECT password_protected FROM sip_trunk");
        Assert.DoesNotContain("Trunk-Secret-1", stored);
        Assert.Equal("Trunk-Secret-1", (await Trunks().LoadForDialingAsync())!.Password);
    }

    [Fact]
    public async Task Saving_without_a_password_keeps_the_stored_one_and_clearing_removes_it()
    {
        await Trunks().SaveAsync(Trunk, "Trunk-Secret-1", false, "admin");
        await Trunks().SaveAsync(Trunk with { Host = "10.0.0.9", Transport = "tcp" }, null, false, "admin");

        var kept = await Trunks().LoadForDialingAsync();
        Assert.Equal(("10.0.0.9", "tcp", "Trunk-Secret-1"), (kept!.Trunk.Host, kept.Trunk.Transport, kept.Password));

        await Trunks().SaveAsync(Trunk, null, clearPassword: true, "admin");
        var cleared = await Trunks().LoadForDialingAsync();
        Assert.Equal((null, false), (cleared!.Password, cleared.Trunk.HasPassword));
    }

    [Fact]
    public async Task Password_protected_with_lost_keys_reads_as_unreadable_not_as_an_error()
    {
        await Trunks().SaveAsync(Trunk, "Trunk-Secret-1", false, "admin");

        var other = await Trunks(new EphemeralDataProtectionProvider()).LoadForDialingAsync();

        Assert.Equal((null, true), (other!.Password, other.SecretUnreadable));
    }

    [Fact]
    public async Task Agent_account_keeps_the_digest_ha1s_and_never_the_password()
    {
        Assert.Equal(SipAccountSaveResult.Saved, await Accounts.SaveAsync("agent-1", "Mufasa", "testrealm@host.com", "Circle Of Life"));

        var credentials = Assert.Single(await Accounts.LoadForRegistrarAsync());
        Assert.Equal("939e7578ed9e3c518a452acee763bce9", credentials.Ha1Md5);   // RFC 2617 §3.5's HA1
        Assert.Equal(64, credentials.Ha1Sha256.Length);
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<string>("SELECT row_to_json(a)::text FROM sip_agent_accounts a");
        Assert.DoesNotContain("Circle Of Life", row);
    }

    [Fact]
    public async Task A_username_belongs_to_one_agent_whatever_its_case()
    {
        await Accounts.SaveAsync("agent-1", "agent1", "outbound", "Secret-1!");

        Assert.Equal(SipAccountSaveResult.UsernameTaken, await Accounts.SaveAsync("agent-2", "AGENT1", "outbound", "Secret-2!"));
        Assert.Equal(SipAccountSaveResult.Saved, await Accounts.SaveAsync("agent-1", "agent1", "outbound", "New-Secret-1!"));
        Assert.Single(await Accounts.ListAsync());
    }

    [Fact]
    public async Task Disabled_accounts_are_not_given_to_the_registrar()
    {
        await Accounts.SaveAsync("agent-1", "agent1", "outbound", "Secret-1!");
        await Accounts.SaveAsync("agent-2", "agent2", "outbound", "Secret-2!");

        Assert.True(await Accounts.SetEnabledAsync("agent-1", false));

        Assert.Equal(["agent-2"], (await Accounts.LoadForRegistrarAsync()).Select(a => a.Agent));
        Assert.Equal([false, true], (await Accounts.ListAsync()).Select(a => a.Enabled));
        Assert.False(await Accounts.SetEnabledAsync("nobody", true));
    }
}
