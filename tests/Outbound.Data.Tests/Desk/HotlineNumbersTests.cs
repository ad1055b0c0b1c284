using Outbound.Core.Campaigns;
using Outbound.Data.Desk;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Desk;

public sealed class HotlineNumbersTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<CampaignId> CampaignAsync(string code, string kind, string status, string callerId)
    {
        var (_, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, new CampaignSettings { CallerId = callerId }, status: status, code: code);
        await DialingSeed.ScalarAsync<int>(_db.DataSource, $"UPDATE campaigns SET kind = '{kind}' WHERE id = '{campaign.Value}' RETURNING 1");
        return campaign;
    }

    [Fact]
    public async Task Only_running_inbound_campaigns_with_a_number_are_hotlines()
    {
        var running = await CampaignAsync("hotline", "Inbound", "running", "+8695598");
        await CampaignAsync("hotline-draft", "Inbound", "draft", "95599");
        await CampaignAsync("hotline-no-number", "Inbound", "running", "");
        await CampaignAsync("collections", "Collections", "running", "+862160001234");

        var hotline = Assert.Single(await new HotlineNumbers(_db.DataSource).RunningAsync());

        Assert.Equal((running, "+8695598"), (hotline.Campaign, hotline.Number));
    }
}
