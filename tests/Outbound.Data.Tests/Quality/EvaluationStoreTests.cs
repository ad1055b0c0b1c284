using Dapper;
using Npgsql;
using Outbound.Core.Assessment;
using Outbound.Core.Quality;
using Outbound.Core.Workforce;
using Outbound.Data.Assessment;
using Outbound.Data.Quality;

namespace Outbound.Data.Tests.Quality;

public sealed class EvaluationStoreTests : QualityDatabaseTest
{
    [Fact]
    public async Task An_evaluation_keeps_its_form_version_and_editing_a_form_in_use_adds_a_version()
    {
        var form = await CreateFormAsync();
        var call = (await CallsOfAsync(Alice))[0];
        var id = await Evaluations.SubmitAsync(AsQa(QaA), call, form, 1, Perfect(), null, Now);

        var edited = StarterForm.Create() with { Name = "第二版" };
        var (_, version) = await Forms.SaveAsync(AsQa(QaA), form, TenantA, CampaignA, edited, Now);
        Assert.Equal(2, version);
        var evaluation = (await Evaluations.FindAsync(id))!;
        Assert.Equal(1, evaluation.FormVersion);
        Assert.Equal(100m, evaluation.Score);
        // The scored version itself cannot be changed, whatever writes.
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("UPDATE qa_form_versions SET name = 'x' WHERE form_id = @form AND version = 1", new { form }));
        // An unused version is saved in place.
        var (_, same) = await Forms.SaveAsync(AsQa(QaA), form, TenantA, CampaignA, edited with { Name = "第二版(修订)" }, Now);
        Assert.Equal(2, same);
    }

    [Fact]
    public async Task An_invalid_form_is_refused_with_its_problems_and_nothing_is_saved()
    {
        var bad = StarterForm.Create() with { Bands = [new(Band.Excellent, 85, 100), new(Band.Good, 80, 90), new(Band.Pass, 60, 80), new(Band.Fail, 0, 60)] };
        var error = await Assert.ThrowsAsync<FormInvalidException>(() => Forms.SaveAsync(AsQa(QaA), null, TenantA, CampaignA, bad, Now));
        Assert.Contains(error.Problems, p => p.Problem == FormProblem.BandOverlap);
        Assert.Empty(await Forms.ListAsync(AsQa(QaA)));
    }

    [Fact]
    public async Task Nobody_scores_their_own_call_and_a_qa_of_another_campaign_cannot_score()
    {
        var form = await CreateFormAsync();
        var aliceCall = (await CallsOfAsync(Alice))[0];
        var ownRefusal = await Assert.ThrowsAsync<QualityRefusedException>(() =>
            Evaluations.SubmitAsync(new QualityViewer(Alice, QualityRole.Qa, new HashSet<Guid> { CampaignA }), aliceCall, form, 1, Perfect(), null, Now));
        Assert.Equal(QualityRefusal.OwnCall, ownRefusal.Refusal);
        var other = await Assert.ThrowsAsync<QualityRefusedException>(() => Evaluations.SubmitAsync(AsQa(QaB), aliceCall, form, 1, Perfect(), null, Now));
        Assert.Equal(QualityRefusal.NotAllowed, other.Refusal);
        var supervisor = await Assert.ThrowsAsync<QualityRefusedException>(() => Evaluations.SubmitAsync(AsSupervisor(), aliceCall, form, 1, Perfect(), null, Now));
        Assert.Equal(QualityRefusal.NotAllowed, supervisor.Refusal);
        // The database refuses it too.
        await using var connection = await Db.DataSource.OpenConnectionAsync();
        await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("""
            INSERT INTO qa_evaluations (id, tenant_id, campaign_id, call_id, call_at, agent, scorer, form_id, form_version, answers, score, band,
                critical_failed, state, submitted_at)
            VALUES (gen_random_uuid(), @t, @c, @call, now(), @alice::text, @alice, @form, 1, '[]', 90, 'excellent', false, 'submitted', now())
            """, new { t = TenantA.Value, c = CampaignA, call = aliceCall, alice = Alice, form }));
    }

    [Fact]
    public async Task Incomplete_answers_are_refused_and_a_call_is_scored_once()
    {
        var form = await CreateFormAsync();
        var call = (await CallsOfAsync(Bob))[0];
        var invalid = await Assert.ThrowsAsync<AnswersInvalidException>(() => Evaluations.SubmitAsync(AsQa(QaA), call, form, 1, Perfect().Skip(1).ToList(), null, Now));
        Assert.Contains(invalid.Problems, p => p.Problem == AnswerProblem.Unanswered);
        await Evaluations.SubmitAsync(AsQa(QaA), call, form, 1, Perfect(), null, Now);
        var twice = await Assert.ThrowsAsync<QualityRefusedException>(() => Evaluations.SubmitAsync(AsQa(QaA2), call, form, 1, Perfect(), null, Now));
        Assert.Equal(QualityRefusal.AlreadyScored, twice.Refusal);
    }

    [Fact]
    public async Task The_agent_disputes_once_and_a_second_qa_decides_with_everything_logged()
    {
        var form = await CreateFormAsync();
        var id = await Evaluations.SubmitAsync(AsQa(QaA), (await CallsOfAsync(Alice))[1], form, 1, Perfect(rudeness: true), null, Now);
        Assert.Equal(0m, (await Evaluations.FindAsync(id))!.Score);

        var notHers = await Assert.ThrowsAsync<QualityRefusedException>(() => Evaluations.DisputeAsync(Bob, id, "不是我", Now));
        Assert.Equal(QualityRefusal.NotYours, notHers.Refusal);
        await Evaluations.DisputeAsync(Alice, id, "客户先骂人,我没有说这句话", Now.AddHours(1));
        var again = await Assert.ThrowsAsync<QualityRefusedException>(() => Evaluations.DisputeAsync(Alice, id, "再申诉", Now.AddHours(2)));
        Assert.Equal(QualityRefusal.AlreadyDisputed, again.Refusal);

        // The scorer may not decide their own evaluation's dispute; the second Qa may.
        Assert.Equal(QualityRefusal.NotAllowed, (await Assert.ThrowsAsync<QualityRefusedException>(() =>
            Evaluations.DecideAsync(AsQa(QaA), id, false, null, "维持", Now))).Refusal);
        Assert.Contains(await Evaluations.DisputesToDecideAsync(AsQa(QaA2)), e => e.Id == id);
        await Evaluations.DecideAsync(AsQa(QaA2), id, amend: true, Perfect(), "复听录音,是客户所说", Now.AddHours(3));
        var decided = (await Evaluations.FindAsync(id))!;
        Assert.Equal(EvaluationState.Decided, decided.State);
        Assert.Equal(100m, decided.Score);
        Assert.Equal("amended", decided.Dispute!.Decision);
        Assert.Equal(0m, decided.Dispute.ScoreBefore);
        Assert.Equal(QualityRefusal.NotDisputed, (await Assert.ThrowsAsync<QualityRefusedException>(() =>
            Evaluations.DecideAsync(AsSupervisor(), id, false, null, "再次", Now))).Refusal);
        Assert.Equal(["submitted", "disputed", "amended"], (await Evaluations.LogAsync(id)).Select(l => l.Action));
    }

    [Fact]
    public async Task A_supervisor_of_the_campaign_decides_a_dispute_and_the_agent_acknowledges_another()
    {
        var form = await CreateFormAsync();
        var calls = await CallsOfAsync(Bob);
        var disputed = await Evaluations.SubmitAsync(AsQa(QaA), calls[0], form, 1, Perfect(), null, Now);
        var accepted = await Evaluations.SubmitAsync(AsQa(QaA), calls[1], form, 1, Perfect(), null, Now);
        await Evaluations.DisputeAsync(Bob, disputed, "评分太低", Now);
        await Evaluations.DecideAsync(AsSupervisor(), disputed, false, null, "评分合理", Now);
        Assert.Equal("upheld", (await Evaluations.FindAsync(disputed))!.Dispute!.Decision);

        await Evaluations.AcknowledgeAsync(Bob, accepted, Now);
        Assert.Equal(EvaluationState.Acknowledged, (await Evaluations.FindAsync(accepted))!.State);
        Assert.Equal(QualityRefusal.AlreadyAcknowledged, (await Assert.ThrowsAsync<QualityRefusedException>(() =>
            Evaluations.DisputeAsync(Bob, accepted, "后悔了", Now))).Refusal);
        Assert.Equal(2, (await Evaluations.ForAgentAsync(Bob)).Count);
        Assert.Empty(await Evaluations.ForAgentAsync(Alice));
    }

    [Fact]
    public async Task A_failed_service_language_item_proposes_rule_1_as_a_draft_with_the_evaluation_as_evidence_once()
    {
        var form = await CreateFormAsync(CriticalFailureMode.FailFlag);
        var id = await Evaluations.SubmitAsync(AsQa(QaA), (await CallsOfAsync(Alice))[2], form, 1, Perfect(rudeness: true), null, Now);
        var evaluation = (await Evaluations.FindAsync(id))!;
        Assert.True(evaluation.CriticalFailed);
        Assert.Equal(Band.Fail, evaluation.Band);
        Assert.Equal(100m, evaluation.Score);

        var hr = new AssessmentActor(AgentId.New(), AssessmentRole.Hr);
        var drafts = await new Deductions(Db.DataSource).InStateAsync(DeductionState.Draft, hr);
        var draft = Assert.Single(drafts);
        Assert.Equal(new AgentId(Alice), draft.Agent);
        Assert.Equal(1, draft.Rule.Value);
        Assert.Equal(EvidenceKind.Recording, draft.Evidence.Kind);
        Assert.Equal(ServiceLanguageProposal.Reference(id), draft.Evidence.Reference);
        Assert.Contains("服务用语", draft.Evidence.Note);
    }
}
