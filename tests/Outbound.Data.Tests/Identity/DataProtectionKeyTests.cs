using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Outbound.Data.Tests.Support;
using Outbound.Testing;

namespace Outbound.Data.Tests.Identity;

public sealed class DataProtectionKeyTests(PgTestDatabase db) : IClassFixture<PgTestDatabase>
{
    private IHost BuildHost() => DataHost.Build(db.ConnectionString);

    [Fact]
    public async Task A_value_protected_before_a_restart_is_readable_after_it()
    {
        string protectedValue;
        using (var before = BuildHost())
            protectedValue = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("trunk-secret");

        using var after = BuildHost();
        var unprotected = after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedValue);

        Assert.Equal("trunk-secret", unprotected);
        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys"));
    }
}
