using Outbound.Core.Billing;
using Outbound.Core.Tenants;
using Outbound.Data.Billing;
using Outbound.Data.Tenants;
using Outbound.Reports.Contracts;
using Outbound.Reports.Tests.Support;
using Outbound.Testing;

namespace Outbound.Reports.Tests.Contracts;

public sealed class ContractDocumentTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private TenantId _tenant = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _tenant = await BillingSeed.TenantAsync(_db.DataSource, "demo-bank", "示范银行股份有限公司");
        await new ContractTermsStore(_db.DataSource).SaveAsync(
            ContractTerms.Sample(_tenant, "HT-2026-008", 12, new(2026, 1, 1), new(2026, 12, 31)) with { TelephonyRatePerMinute = 0.15m }, "admin");
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<ContractModel?> Load(TenantScope scope) =>
        await new ContractDataSource(new ContractTermsStore(_db.DataSource), new TenantRepository(_db.DataSource), TimeProvider.System)
            .LoadAsync("demo-bank", scope);

    [Fact]
    public async Task Contract_follows_the_seed_structure_with_the_clients_terms_filled_in()
    {
        var text = PdfText.All(new ContractDocument((await Load(TenantScope.AllTenants))!).GeneratePdf());
        foreach (var heading in new[] { "呼叫中心坐席租赁协议", "第一章总则", "第二章权利和义务", "甲方权利和义务", "乙方的权利和义务" })
            Assert.Contains(heading, text);
        Assert.Contains("示范银行股份有限公司", text);
        Assert.Contains("HT-2026-008", text);
        Assert.Contains("2000元/坐席/月", text);
        Assert.Contains("租用坐席12个,月租金合计24,000.00元", text);
        Assert.Contains("超过约定时间15日内未支付业务租金时暂时停止提供服务", text);
        Assert.Contains("押一付一", text);
        Assert.Contains("每月有两天时间对系统进行维护", text);
        Assert.Contains("每分钟0.15元", text);
        Assert.Contains("应提前一个月进行协议续签(即不晚于2026年11月30日)", text);
        Assert.Contains("第八条", text);
        Assert.Contains("首期应付Duebeforestart¥48,000.00", text);
    }

    [Fact]
    public async Task Another_clients_scope_does_not_load_the_contract()
    {
        var other = await BillingSeed.TenantAsync(_db.DataSource, "other-co");
        Assert.Null(await Load(TenantScope.For(other)));
        Assert.NotNull(await Load(TenantScope.For(_tenant)));
    }
}
