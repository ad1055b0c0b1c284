using Dapper;
using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Data.Tests.Quality;

public sealed class SamplingPlanStoreTests : QualityDatabaseTest
{
    [Fact]
    public async Task A_plan_samples_each_agent_splits_the_calls_evenly_over_the_campaigns_qa_and_reruns_to_the_same_sample()
    {
        var outcome = await Plans.CreateAsync(AsQa(QaA), CampaignA, November, new SamplingSettings { PerAgent = 6, MinTalkSeconds = 30 }, 20261101, Now);
        var plan = outcome.Plan!;
        Assert.Equal(2, plan.Agents);
        Assert.Equal(12, plan.Calls);
        Assert.Equal(20261101, plan.Seed);
        var progress = await Plans.ProgressAsync(plan.Id);
        Assert.Equal([6, 6], progress.Select(p => p.Assigned));
        Assert.DoesNotContain(progress, p => p.Scorer is null);
        Assert.Equal(new[] { QaA, QaA2 }.Order(), progress.Select(p => p.Scorer!.Value).Order());

        var before = (await Plans.CallsAsync(plan.Id)).Select(c => (c.CallId, c.Scorer)).ToList();
        var (_, added) = await Plans.RerunAsync(plan.Id);
        Assert.Equal(0, added);
        Assert.Equal(before, (await Plans.CallsAsync(plan.Id)).Select(c => (c.CallId, c.Scorer)).ToList());
    }

    [Fact]
    public async Task Finished_inbound_calls_are_sampled_and_a_call_still_in_progress_is_left_out()
    {
        var (finished, talking) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var connection = await Db.DataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("""
                INSERT INTO inbound_calls (id, tenant_id, campaign_id, caller_number, arrived_at, connected_at, ended_at, agent, outcome, disposition, recording_path)
                VALUES (@finished, @t, @c, '+8613900000001', timestamptz '2026-11-20 10:00+08', timestamptz '2026-11-20 10:00:20+08',
                        timestamptz '2026-11-20 10:09:00+08', @alice, 'answered', 'complaint', 'recordings/in-1.wav'),
                       (@talking, @t, @c, '+8613900000002', timestamptz '2026-11-30 23:50+08', timestamptz '2026-11-30 23:50:20+08',
                        NULL, @alice, 'answered', 'complaint', 'recordings/in-2.wav')
                """, new { finished, talking, t = TenantA.Value, c = CampaignA, alice = Alice.ToString() });

        var outcome = await Plans.CreateAsync(AsQa(QaA), CampaignA, November,
            new SamplingSettings { PerAgent = 3, ComplaintDispositions = ["complaint"] }, 7, Now);

        Assert.Equal(81, outcome.Plan!.Candidates);
        var calls = await Plans.CallsAsync(outcome.Plan.Id);
        Assert.Contains(calls, c => c.CallId == finished && c.Reason == SampleReason.Complaint && c.Stratum == "complaint/2");
        Assert.DoesNotContain(calls, c => c.CallId == talking);
    }

    [Fact]
    public async Task A_plan_larger_than_the_calls_available_is_refused_and_nothing_is_saved()
    {
        var outcome = await Plans.CreateAsync(AsQa(QaA), CampaignA, November, new SamplingSettings { PerAgent = 41 }, 1, Now);
        Assert.Null(outcome.Plan);
        Assert.Equal(2, outcome.Draw.Short.Count);
        Assert.All(outcome.Draw.Short, s => Assert.Equal(40, s.Eligible));
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM qa_plans"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM qa_plan_calls"));
    }

    [Fact]
    public async Task Invalid_settings_and_a_second_plan_for_the_period_are_refused()
    {
        var invalid = await Assert.ThrowsAsync<SamplingInvalidException>(() =>
            Plans.CreateAsync(AsQa(QaA), CampaignA, November, new SamplingSettings { PerAgent = 0, TalkBandBounds = [200, 100] }, 1, Now));
        Assert.Contains(SamplingProblem.PerAgentRange, invalid.Problems);
        Assert.Contains(SamplingProblem.BandsNotAscending, invalid.Problems);
        await Plans.CreateAsync(AsQa(QaA), CampaignA, November, new SamplingSettings { PerAgent = 2 }, 1, Now);
        var again = await Assert.ThrowsAsync<QualityRefusedException>(() => Plans.CreateAsync(AsQa(QaA), CampaignA, November, new SamplingSettings(), 2, Now));
        Assert.Equal(QualityRefusal.PlanExists, again.Refusal);
    }

    [Fact]
    public async Task A_qa_of_another_campaign_can_neither_plan_nor_see_the_plans()
    {
        var refused = await Assert.ThrowsAsync<QualityRefusedException>(() =>
            Plans.CreateAsync(AsQa(QaB), CampaignA, November, new SamplingSettings { PerAgent = 2 }, 1, Now));
        Assert.Equal(QualityRefusal.NotAllowed, refused.Refusal);
        await Plans.CreateAsync(AsQa(QaA), CampaignA, November, new SamplingSettings { PerAgent = 2 }, 1, Now);
        Assert.Empty(await Plans.ListAsync(AsQa(QaB)));
        Assert.Single(await Plans.ListAsync(AsSupervisor()));
    }
}
