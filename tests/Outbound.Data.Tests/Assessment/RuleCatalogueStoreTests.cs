using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Data.Assessment;

namespace Outbound.Data.Tests.Assessment;

public sealed class RuleCatalogueStoreTests : AssessmentDatabaseTest
{
    [Fact]
    public async Task Migration_seeds_exactly_the_core_catalogue()
    {
        var stored = await new AssessmentRules(Db.DataSource).ListAsync();
        Assert.Equal(SeedCatalogue.Rules, stored);
    }

    [Fact]
    public async Task Hr_edits_a_rule_and_the_change_is_kept_with_before_and_after()
    {
        var rules = new AssessmentRules(Db.DataSource);
        var edited = SeedCatalogue.Get(15) with { Points = 6 };
        await rules.UpdateAsync(edited, Hr);

        Assert.Equal(6, (await rules.FindAsync(new RuleNumber(15)))!.Points);
        await using var cmd = Db.DataSource.CreateCommand(
            "SELECT (before->>'points')::int, (after->>'points')::int, changed_by FROM assessment_rule_changes WHERE number = 15");
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(7, r.GetInt32(0));
        Assert.Equal(6, r.GetInt32(1));
        Assert.Equal(Hr.Id.Value, r.GetGuid(2));
    }

    [Fact]
    public async Task An_agent_cannot_edit_the_catalogue_and_an_invalid_edit_is_refused()
    {
        var rules = new AssessmentRules(Db.DataSource);
        await Assert.ThrowsAsync<AssessmentRefusedException>(() => rules.UpdateAsync(SeedCatalogue.Get(1) with { Points = 0 }, AsAgent(Alice)));
        var refused = await Assert.ThrowsAsync<AssessmentRefusedException>(() =>
            rules.UpdateAsync(SeedCatalogue.Get(1) with { Points = 99, Text = new LocalizedText("", "x") }, Hr));
        Assert.Contains("Chinese text", refused.Message);
        Assert.Equal(5, (await rules.FindAsync(new RuleNumber(1)))!.Points);
    }

    [Fact]
    public async Task The_catalogue_change_log_cannot_be_rewritten()
    {
        await new AssessmentRules(Db.DataSource).UpdateAsync(SeedCatalogue.Get(3) with { Points = 3 }, Hr);
        await using var cmd = Db.DataSource.CreateCommand("DELETE FROM assessment_rule_changes");
        await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
    }
}
