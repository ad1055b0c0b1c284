using Outbound.Core.Quality;
using Outbound.Data.Quality;

namespace Outbound.Data.Tests.Quality;

public sealed class CalibrationStoreTests : QualityDatabaseTest
{
    private static IReadOnlyList<ItemAnswer> Scored(int listening) => Perfect().Select(a => a.Key == "listening" ? a with { Value = listening } : a).ToList();

    [Fact]
    public async Task Scores_stay_blind_while_the_session_is_open_and_the_analysis_shows_once_closed()
    {
        await CreateFormAsync();
        var calls = (await CallsOfAsync(Alice)).Take(3).ToList();
        var session = await Calibrations.CreateAsync(AsQa(QaA), CampaignA, "十一月校准", calls, [QaA, QaA2, Supervisor], expert: null, tolerance: 5, Now);
        var stored = (await Calibrations.FindAsync(session))!;
        foreach (var call in calls)
        {
            await Evaluations.SubmitAsync(AsQa(QaA), call, stored.FormId, 1, Scored(5), session, Now);
            await Evaluations.SubmitAsync(AsQa(QaA2), call, stored.FormId, 1, Scored(4), session, Now);
        }
        // A supervisor in the session cannot score (only Qa staff do), and a Qa outside it is refused.
        await Assert.ThrowsAsync<QualityRefusedException>(() => Evaluations.SubmitAsync(AsSupervisor(), calls[0], stored.FormId, 1, Scored(1), session, Now));

        var (mine, none) = await Calibrations.ScoresAsync(AsQa(QaA2), (await Calibrations.FindAsync(session))!);
        Assert.Null(none);
        Assert.All(mine, s => Assert.Equal(QaA2, s.Scorer));

        await Calibrations.CloseAsync(AsQa(QaA), session, Now);
        var closed = (await Calibrations.FindAsync(session))!;
        var (all, result) = await Calibrations.ScoresAsync(AsQa(QaA2), closed);
        Assert.Equal(6, all.Count);
        Assert.All(result!.Calls, c => Assert.Equal(4, c.Range, 6));
        Assert.Contains(result.Items, i => i.Item == "listening" && i.Range > 0);
        Assert.Equal(QualityRefusal.SessionClosed, (await Assert.ThrowsAsync<QualityRefusedException>(() =>
            Evaluations.SubmitAsync(AsQa(QaA2), calls[0], closed.FormId, 1, Scored(3), session, Now))).Refusal);
        // Calibration scores are exercises: the agent never sees them.
        Assert.Empty(await Evaluations.ForAgentAsync(Alice));
    }

    [Fact]
    public async Task Only_the_campaigns_qa_staff_open_a_session_on_its_calls()
    {
        await CreateFormAsync();
        var calls = (await CallsOfAsync(Alice)).Take(2).ToList();
        await Assert.ThrowsAsync<QualityRefusedException>(() => Calibrations.CreateAsync(AsQa(QaB), CampaignA, "x", calls, [QaA, QaA2], null, 5, Now));
        await Assert.ThrowsAsync<QualityRefusedException>(() => Calibrations.CreateAsync(AsQa(QaA), CampaignA, "x", [Guid.NewGuid()], [QaA, QaA2], null, 5, Now));
        var id = await Calibrations.CreateAsync(AsQa(QaA), CampaignA, "x", calls, [QaA, QaA2], null, 5, Now);
        Assert.Empty(await Calibrations.ListAsync(AsQa(QaB)));
        Assert.Single(await Calibrations.ListAsync(AsSupervisor()), s => s.Id == id);
    }
}
