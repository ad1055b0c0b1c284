using Outbound.Core.Campaigns;
using Outbound.Core.Tenants;
using Outbound.Data.Desk;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Desk;

public sealed class DeskSearchTests : IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private readonly Guid _agent = Guid.NewGuid();
    private TenantId _tenant = null!;
    private CampaignId _campaign = null!;
    private long[] _leads = [];

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (_tenant, _campaign) = await DialingSeed.CampaignAsync(_db.DataSource, code: "mine");
        _leads = await DialingSeed.LeadsAsync(_db.DataSource, _tenant, _campaign, 30, firstNumber: 13800); // +8613800013801 …
        await TestUsers.InsertAsync(_db.DataSource, _agent);
        await AssignAsync(_agent, _campaign);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task AssignAsync(Guid user, CampaignId campaign) => DialingSeed.ScalarAsync<int>(_db.DataSource, $"""
        INSERT INTO campaign_agents (tenant_id, campaign_id, user_id)
        SELECT tenant_id, id, '{user}' FROM campaigns WHERE id = '{campaign.Value}' RETURNING 1
        """);

    private Task<IReadOnlyList<DeskLead>> SearchAsync(string term) => new DeskQueries(_db.DataSource).SearchAsync(_agent, term);

    [Theory]
    [InlineData("+8613800013807")]
    [InlineData("13800013807")]
    [InlineData("138 0001 3807")]
    [InlineData("138-0001-3807")]
    [InlineData("0086 138 0001 3807")]
    public async Task A_customers_whole_number_finds_its_lead_however_it_is_written(string term)
    {
        var lead = Assert.Single(await SearchAsync(term));

        Assert.Equal((_leads[6], "+8613800013807"), (lead.Id, lead.PhoneE164));
    }

    [Fact]
    public async Task Part_of_a_number_a_name_or_a_lead_id_still_find_leads()
    {
        Assert.Equal(_leads[9..19], (await SearchAsync("1380001381")).Select(l => l.Id));
        Assert.Equal(_leads[24], Assert.Single(await SearchAsync("Lead 25")).Id);
        Assert.Contains(_leads[2], (await SearchAsync(_leads[2].ToString())).Select(l => l.Id));
    }

    [Fact]
    public async Task A_number_in_a_campaign_the_agent_is_not_assigned_to_is_not_found()
    {
        var (otherTenant, other) = await DialingSeed.CampaignAsync(_db.DataSource, code: "theirs");
        await DialingSeed.LeadsAsync(_db.DataSource, otherTenant, other, 1, firstNumber: 55500000);

        Assert.Empty(await SearchAsync("13855500001"));
        Assert.Empty(await SearchAsync("555000"));
    }
}
