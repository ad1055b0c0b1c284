using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Outbound.Web.Tests.Support;

/// <summary>
/// <see cref="DeskWebFactory"/> on a real Kestrel port whose simulated customers talk for an hour (in simulated time), so
/// that an agent has time to hold, transfer and be monitored before the customer hangs up; <see cref="Colleague"/> is a
/// second agent of the collections campaign.
/// </summary>
public sealed class CallControlWebFactory : DeskWebFactory
{
    public const string Colleague = "agent4@demo.local";

    public CallControlWebFactory() => UseKestrel(0);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = await Db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
            SELECT c.tenant_id, c.id, u.id FROM campaigns c, users u WHERE c.id = @id AND u.normalized_email = upper(@agent)
            """, new { id = DeskCampaign.Value, agent = Colleague });
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<Guid>("SELECT id FROM users WHERE normalized_email = upper(@email)", new { email })).ToString();
    }

    public string Address => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbound:Simulated:TalkSecondsMean", "36000");
    }
}
