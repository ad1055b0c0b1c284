using Outbound.Data.Desk;
using Outbound.Testing;
using Outbound.Testing.Dialing;

namespace Outbound.Data.Tests.Desk;

/// <summary>A call's result form saved again (corrected during or after the call) stays one form, with its promise and survey rows.</summary>
public sealed class DeskCallFormsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Saved = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private readonly PgTestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<T> Scalar<T>(string sql) => DialingSeed.ScalarAsync<T>(_db.DataSource, sql);

    [Fact]
    public async Task Saving_a_calls_form_again_rewrites_its_one_row_and_its_promise_and_survey_rows()
    {
        var (tenant, campaign) = await DialingSeed.CampaignAsync(_db.DataSource);
        var lead = (await DialingSeed.LeadsAsync(_db.DataSource, tenant, campaign, 1))[0];
        var forms = new DeskCallForms(_db.DataSource);
        var id = Guid.CreateVersion7();
        var during = new DeskCallForm(tenant.Value, campaign.Value, lead, "agent1", "promise_to_pay", true, 1200m, 600m, new DateOnly(2026, 12, 10),
            null, null, new DeskSurvey(new Dictionary<string, IReadOnlyList<string>> { ["owner"] = ["是"] }, false), Saved.AddDays(1), true, "在通话中保存", Saved);

        await forms.SaveAsync(id, during);
        await forms.SaveAsync(id, during with { PromiseAmount = 800m, Note = "挂机后更正", SavedAt = Saved.AddMinutes(2) });
        Assert.Equal("1/800.00/挂机后更正", await Scalar<string>("SELECT count(*) || '/' || max(promise_amount) || '/' || max(note) FROM desk_call_forms"));
        Assert.Equal("1/800.00", await Scalar<string>("SELECT count(*) || '/' || max(amount) FROM collection_promises"));
        Assert.Equal(1L, await Scalar<long>("SELECT count(*) FROM survey_responses"));

        // Corrected to a refusal without a promise or survey: the promise and the answers go with it.
        await forms.SaveAsync(id, during with { Disposition = "refused", PromiseAmount = null, PromiseDate = null, Survey = null, SavedAt = Saved.AddMinutes(3) });
        Assert.Equal("1/refused", await Scalar<string>("SELECT count(*) || '/' || max(disposition) FROM desk_call_forms"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM collection_promises"));
        Assert.Equal(0L, await Scalar<long>("SELECT count(*) FROM survey_responses"));

        // Another call's form is a row of its own; another agent cannot overwrite this one.
        await forms.SaveAsync(Guid.CreateVersion7(), during);
        await Assert.ThrowsAsync<InvalidOperationException>(() => forms.SaveAsync(id, during with { Agent = "agent2", Disposition = "paid" }));
        Assert.Equal("refused", await Scalar<string>($"SELECT disposition FROM desk_call_forms WHERE id = '{id}'"));
        Assert.Equal(1L, await Scalar<long>("SELECT count(*) FROM collection_promises")); // the other call's, nothing of agent2's
        Assert.Equal(2L, await Scalar<long>("SELECT count(*) FROM desk_call_forms"));
    }
}
