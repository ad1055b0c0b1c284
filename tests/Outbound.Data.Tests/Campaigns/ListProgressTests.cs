using Outbound.Data.Campaigns;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Campaigns;

public sealed class ListProgressTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_campaigns_list_is_counted_by_dial_status_without_hand_dialled_numbers_or_other_campaigns()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource, code: "counted");
        var (otherTenant, other) = await DialingSeed.CampaignAsync(_db.DataSource, code: "other");
        var statuses = new[] { ("new", 5), ("retry", 4), ("callback", 3), ("dialing", 2), ("done", 6), ("dnc", 1), ("manual", 2) };
        var first = 0;
        foreach (var (status, count) in statuses)
        {
            await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, count, firstNumber: first, status: status);
            first += count;
        }
        await DialingSeed.LeadsAsync(_db.DataSource, otherTenant, other, 7);

        var progress = await new ListProgressQueries(_db.DataSource).OfCampaignAsync(campaign);

        Assert.Equal(new ListProgress(Total: 21, Fresh: 5, Retry: 4, Callback: 3, Dialing: 2, Done: 6, Dnc: 1), progress);
        Assert.Equal(7.0 / 21, progress.Finished, 6);
    }

    [Fact]
    public async Task An_empty_list_is_not_finished() =>
        Assert.Equal(0, (await new ListProgressQueries(_db.DataSource).OfCampaignAsync((await DialingSeed.CampaignAsync(_db.DataSource)).Campaign)).Finished);
}
