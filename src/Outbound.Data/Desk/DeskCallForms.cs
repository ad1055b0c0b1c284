using System.Text.Json;
using Dapper;
using Npgsql;

namespace Outbound.Data.Desk;

/// <summary>What an agent saved for one call: disposition, collections fields, survey answers, callback.</summary>
public sealed record DeskCallForm(
    Guid TenantId,
    Guid CampaignId,
    long? LeadId,
    string Agent,
    string Disposition,
    bool? RightParty,
    decimal? AmountDue,
    decimal? PromiseAmount,
    DateOnly? PromiseDate,
    string? PaymentPlan,
    string? RefusalReason,
    DeskSurvey? Survey,
    DateTimeOffset? CallbackAt,
    bool? CallbackMine,
    string? Note,
    DateTimeOffset SavedAt);

/// <summary>The answers on the respondent's path (question id → options or text) and whether every reached question was answered.</summary>
public sealed record DeskSurvey(IReadOnlyDictionary<string, IReadOnlyList<string>> Answers, bool Completed);

/// <summary>
/// Writes <c>desk_call_forms</c> and, in the same transaction, what the performance report reads of it: a promise to pay
/// into <c>collection_promises</c>, a questionnaire into <c>survey_responses</c>. One call has one form: saving it again
/// (the agent corrects the result during or after the call) rewrites the same rows, which share the form's id.
/// </summary>
public sealed class DeskCallForms(NpgsqlDataSource dataSource)
{
    /// <param name="id">The form's id, one per call on the desk: the first save inserts it, later ones update it.</param>
    public async Task SaveAsync(Guid id, DeskCallForm form, CancellationToken ct = default)
    {
        var answers = form.Survey is { } survey ? JsonSerializer.Serialize(survey.Answers) : null;
        var savedAt = form.SavedAt.UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var written = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO desk_call_forms (id, tenant_id, campaign_id, lead_id, agent, disposition, right_party, amount_due, promise_amount,
                promise_date, payment_plan, refusal_reason, survey_answers, callback_at, callback_mine, note, saved_at)
            VALUES (@id, @TenantId, @CampaignId, @LeadId, @Agent, @Disposition, @RightParty, @AmountDue, @PromiseAmount,
                @PromiseDate, @PaymentPlan, @RefusalReason, @answers::jsonb, @CallbackAt, @CallbackMine, @Note, @savedAt)
            ON CONFLICT (id) DO UPDATE SET disposition = excluded.disposition, right_party = excluded.right_party,
                amount_due = excluded.amount_due, promise_amount = excluded.promise_amount, promise_date = excluded.promise_date,
                payment_plan = excluded.payment_plan, refusal_reason = excluded.refusal_reason, survey_answers = excluded.survey_answers,
                callback_at = excluded.callback_at, callback_mine = excluded.callback_mine, note = excluded.note, saved_at = excluded.saved_at
            WHERE desk_call_forms.agent = excluded.agent
            """, new
        {
            id, form.TenantId, form.CampaignId, form.LeadId, form.Agent, form.Disposition, form.RightParty, form.AmountDue, form.PromiseAmount,
            PromiseDate = form.PromiseDate?.ToDateTime(TimeOnly.MinValue), form.PaymentPlan, form.RefusalReason, answers,
            CallbackAt = form.CallbackAt?.UtcDateTime, form.CallbackMine, form.Note, savedAt,
        }, tx, cancellationToken: ct));
        if (written == 0) throw new InvalidOperationException($"Desk form {id} is another agent's.");
        if (form.LeadId is { } lead && form.PromiseAmount is > 0 && form.PromiseDate is { } due)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO collection_promises (id, tenant_id, campaign_id, lead_id, agent, amount, promised_at, due_on)
                VALUES (@id, @TenantId, @CampaignId, @lead, @Agent, @PromiseAmount, @savedAt, @due)
                ON CONFLICT (id) DO UPDATE SET amount = excluded.amount, due_on = excluded.due_on, promised_at = excluded.promised_at
                """, new { id, form.TenantId, form.CampaignId, lead, form.Agent, form.PromiseAmount, savedAt,
                    due = due.ToDateTime(TimeOnly.MinValue) }, tx, cancellationToken: ct));
        else // a promise taken back on correction; one the client already reported kept stays
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM collection_promises WHERE id = @id AND kept_on IS NULL",
                new { id }, tx, cancellationToken: ct));
        if (form.LeadId is { } respondent && form.Survey is { } response)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO survey_responses (id, tenant_id, campaign_id, lead_id, completed, answers, answered_at)
                VALUES (@id, @TenantId, @CampaignId, @respondent, @Completed, @answers::jsonb, @savedAt)
                ON CONFLICT (id) DO UPDATE SET completed = excluded.completed, answers = excluded.answers, answered_at = excluded.answered_at
                """, new { id, form.TenantId, form.CampaignId, respondent, response.Completed, answers, savedAt },
                tx, cancellationToken: ct));
        else
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM survey_responses WHERE id = @id", new { id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}
