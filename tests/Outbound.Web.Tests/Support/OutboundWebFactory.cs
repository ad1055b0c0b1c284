using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outbound.Data.Demo;
using Outbound.Testing;

namespace Outbound.Web.Tests.Support;

/// <summary>
/// The real web app on a throwaway PostgreSQL database holding the demo data (DemoSeeder), plus one
/// list import with rejected rows per demo campaign. Shared by all web tests through <see cref="WebCollection"/>;
/// tests that change users create their own.
/// </summary>
public class OutboundWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly PgTestDatabase _database = new();

    public DemoSeeder.Result Demo { get; private set; } = null!;
    /// <summary>The seeded import of each demo campaign, by campaign code.</summary>
    public Dictionary<string, Guid> Imports { get; } = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        Demo = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        foreach (var (code, campaign) in Demo.Campaigns)
        {
            var id = Guid.CreateVersion7();
            Imports[code] = id;
            await connection.ExecuteAsync("""
                INSERT INTO list_imports (id, tenant_id, campaign_id, file_name, file_sha256, encoding, status, rows, imported, rejected, finished_at)
                SELECT @id, tenant_id, id, @file, 'x', 'gb18030', 'completed', 3, 1, 2, now() FROM campaigns WHERE id = @campaign;
                INSERT INTO list_import_rejects (import_id, tenant_id, line_number, reason, detail, raw)
                SELECT @id, tenant_id, 2, 'InvalidPhone', '号码位数不对', '张三,1380013,"5,000.00"' FROM campaigns WHERE id = @campaign
                UNION ALL
                SELECT @id, tenant_id, 4, 'MissingField', 'amount_due', '李四,13800138000,' FROM campaigns WHERE id = @campaign;
                """, new { id, campaign = campaign.Value, file = $"{code}.csv" });
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Outbound", _database.ConnectionString);
        TestSignInLimits.Relax(builder);
    }

    public Browser NewBrowser() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<Browser> SignedInAs(string email, string password = DemoUsers.Password)
    {
        var browser = NewBrowser();
        var response = await browser.LoginAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<OutboundWebFactory>
{
    public const string Name = "web";
}
