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
    string? SurveyAnswersJson,
    DateTimeOffset? CallbackAt,
    bool? CallbackMine,
    string? Note,
    DateTimeOffset SavedAt);

/// <summary>Writes <c>desk_call_forms</c>.</summary>
public sealed class DeskCallForms(NpgsqlDataSource dataSource)
{
    public async Task<Guid> SaveAsync(DeskCallForm form, CancellationToken ct = default)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO desk_call_forms (id, tenant_id, campaign_id, lead_id, agent, disposition, right_party, amount_due, promise_amount,
                promise_date, payment_plan, refusal_reason, survey_answers, callback_at, callback_mine, note, saved_at)
            VALUES (@id, @TenantId, @CampaignId, @LeadId, @Agent, @Disposition, @RightParty, @AmountDue, @PromiseAmount,
                @PromiseDate, @PaymentPlan, @RefusalReason, @SurveyAnswersJson::jsonb, @CallbackAt, @CallbackMine, @Note, @SavedAt)
            """, new
        {
            id, form.TenantId, form.CampaignId, form.LeadId, form.Agent, form.Disposition, form.RightParty, form.AmountDue, form.PromiseAmount,
            PromiseDate = form.PromiseDate?.ToDateTime(TimeOnly.MinValue), form.PaymentPlan, form.RefusalReason, form.SurveyAnswersJson,
            CallbackAt = form.CallbackAt?.UtcDateTime, form.CallbackMine, form.Note, SavedAt = form.SavedAt.UtcDateTime,
        }, cancellationToken: ct));
        return id;
    }
}
