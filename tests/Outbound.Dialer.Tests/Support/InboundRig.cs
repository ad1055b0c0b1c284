using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Desk;
using Outbound.Telephony.Simulated;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Dialer.Tests.Support;

/// <summary>
/// What the inbound specs stand on: a fresh database with one campaign, the dialer's services on the simulated
/// carrier, and the inbound call log; disposing it stops the carrier and drops the database.
/// </summary>
public sealed class InboundRig : IAsyncDisposable
{
    private InboundRig(PgTestDatabase db, TenantId tenant, CampaignId campaign, DialerServices dialer, SimulatedTelephony carrier)
    {
        Db = db;
        Tenant = tenant;
        Campaign = campaign;
        Dialer = dialer;
        Carrier = carrier;
    }

    public PgTestDatabase Db { get; }
    public TenantId Tenant { get; }
    public CampaignId Campaign { get; }
    public DialerServices Dialer { get; }
    public SimulatedTelephony Carrier { get; }
    public InboundCallLog Calls => new(Db.DataSource);

    public static async Task<InboundRig> StartAsync(string? code = null, SimulatedCarrierOptions? carrier = null)
    {
        var db = new PgTestDatabase();
        await db.InitializeAsync();
        var (tenant, campaign) = await DialingSeed.CampaignAsync(db.DataSource, DialerFixture.AlwaysCallable, code: code);
        var (dialer, telephony) = DialerFixture.Services(db, carrier: carrier);
        return new InboundRig(db, tenant, campaign, dialer, telephony);
    }

    /// <summary>How many <c>inbound_calls</c> rows match <paramref name="where"/>.</summary>
    public Task<long> CountCallsAsync(string where = "true") =>
        DialingSeed.ScalarAsync<long>(Db.DataSource, $"SELECT count(*) FROM inbound_calls WHERE {where}");

    public async ValueTask DisposeAsync()
    {
        Carrier.Dispose();
        await Db.DisposeAsync();
    }
}
