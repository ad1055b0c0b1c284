using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.Assessment;
using Outbound.Data.Assessment;
using Outbound.Web.Localization;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Hr.Pages;

/// <summary>The rule catalogue, editable by Hr; numbers are the seed's and stay fixed.</summary>
[Authorize(Policy = Policies.Hr)]
public sealed class RulesModel(AssessmentRules rules) : PageModel
{
    public sealed record RuleInput(int Number, string? TextZh, string? TextEn, string Category, int Points, decimal? FineMin, decimal? FineMax,
        bool Compensation, bool MayDismiss, string Evidence);

    public IReadOnlyList<AssessmentRule> Rules { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Rules = await rules.ListAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(RuleInput input, CancellationToken ct)
    {
        try
        {
            if ((input.FineMin is null) != (input.FineMax is null) || input.FineMin > input.FineMax || input.FineMin < 0)
                throw new AssessmentRefusedException(AssessmentTexts.FineRangeInvalid.Zh, AssessmentTexts.FineRangeInvalid.En);
            var rule = new AssessmentRule(new RuleNumber(input.Number), new LocalizedText(input.TextZh ?? "", input.TextEn ?? ""),
                RuleCategoryPoints.ParseCategory(input.Category), input.Points,
                input.FineMin is { } min && input.FineMax is { } max ? new FineRange(min, max) : null,
                input.Compensation, input.MayDismiss, EvidenceKinds.ParseEvidenceKind(input.Evidence));
            await rules.UpdateAsync(rule, User.ToAssessmentActor(), ct);
            Message = AssessmentTexts.Saved.Format(input.Number);
            return RedirectToPage();
        }
        catch (AssessmentRefusedException e)
        {
            Problem = e.Text.ToText();
            Rules = await rules.ListAsync(ct);
            return Page();
        }
        catch (ArgumentException)
        {
            return BadRequest(); // a category or evidence kind the form never offers
        }
    }
}
