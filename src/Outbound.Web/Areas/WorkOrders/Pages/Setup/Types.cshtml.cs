using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Core.WorkOrders;
using Outbound.Data.Performance;
using Outbound.Data.WorkOrders;
using Outbound.Core.Tenants;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.WorkOrders.Pages.Setup;

/// <summary>
/// Order types per campaign: custom fields, default priority, the department orders go to, the escalation chain, the
/// skip-level flag and the SLA per priority. A type with any bad part (a zero SLA, a department of another client) is not saved.
/// </summary>
[Authorize(Policy = Policies.WorkOrderSetup)]
public sealed class TypesModel(OrderTypes types, Departments departments, PerformanceQueries campaigns) : PageModel
{
    public const int ChainLevels = 3;

    public IReadOnlyList<OrderType> All { get; private set; } = [];
    public IReadOnlyList<Department> DepartmentList { get; private set; } = [];
    public IReadOnlyList<ReportedCampaign> Campaigns { get; private set; } = [];
    public List<string> Errors { get; } = [];

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public Guid CampaignId { get; set; }
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public WorkOrderPriority DefaultPriority { get; set; } = WorkOrderPriority.Normal;
    [BindProperty] public Guid DepartmentId { get; set; }
    [BindProperty] public bool SkipLevelComplaint { get; set; }
    [BindProperty] public bool Active { get; set; } = true;
    [BindProperty] public string FieldLines { get; set; } = "";
    [BindProperty] public Guid?[] ChainDepartments { get; set; } = new Guid?[ChainLevels];
    [BindProperty] public string?[] ChainHours { get; set; } = new string?[ChainLevels];
    /// <summary>Per priority: first response h, next update h, resolution h, warn minutes (blank row: no SLA).</summary>
    [BindProperty] public Dictionary<WorkOrderPriority, string?[]> Sla { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (All.FirstOrDefault(t => t.Id == Id) is not { } type)
        {
            foreach (var p in Enum.GetValues<WorkOrderPriority>()) Sla[p] = ["4", "8", "24", "30"];
            return;
        }
        (CampaignId, Code, Name, DefaultPriority, DepartmentId, SkipLevelComplaint, Active) =
            (type.CampaignId, type.Code, type.Name, type.DefaultPriority, type.DepartmentId, type.SkipLevelComplaint, type.Active);
        FieldLines = string.Join('\n', type.Fields.Select(f => $"{f.Key}|{f.Label}|{f.Kind}|{(f.Required ? 1 : 0)}|{string.Join(',', f.Choices ?? [])}"));
        for (var i = 0; i < Math.Min(ChainLevels, type.Escalation.Count); i++)
            (ChainDepartments[i], ChainHours[i]) = (type.Escalation[i].DepartmentId, Hours(type.Escalation[i].Within));
        foreach (var p in Enum.GetValues<WorkOrderPriority>())
            Sla[p] = type.Sla.TryGetValue(p, out var s) ? [Hours(s.FirstResponse), Hours(s.NextUpdate), Hours(s.Resolution), ((int)s.WarnBefore.TotalMinutes).ToString()] : ["", "", "", ""];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var fields = ParseFields();
        var chain = new List<EscalationStep>();
        for (var i = 0; i < ChainLevels; i++)
            if (ChainDepartments.ElementAtOrDefault(i) is { } d)
                chain.Add(new EscalationStep(d, TimeSpan.FromHours(Number(ChainHours.ElementAtOrDefault(i), SetupTexts.Level.Format(i + 1)) ?? 0)));
        var sla = new Dictionary<WorkOrderPriority, SlaPolicy>();
        foreach (var (priority, row) in Sla)
        {
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            var label = WorkOrderTexts.PriorityName(priority);
            sla[priority] = new SlaPolicy(TimeSpan.FromHours(Number(row.ElementAtOrDefault(0), label) ?? 0), TimeSpan.FromHours(Number(row.ElementAtOrDefault(1), label) ?? 0),
                TimeSpan.FromHours(Number(row.ElementAtOrDefault(2), label) ?? 0), TimeSpan.FromMinutes(Number(row.ElementAtOrDefault(3), label) ?? 0));
        }
        if (Errors.Count == 0)
        {
            var (id, errors) = await types.SaveAsync(Id, new OrderTypeInput(CampaignId, Code, Name, fields, DefaultPriority, DepartmentId, chain, SkipLevelComplaint,
                Active, sla), ct);
            if (id is { } saved)
            {
                TempData["Flash"] = (string)Localization.CommonTexts.Saved;
                return Redirect($"/WorkOrders/Setup/Types?id={saved}");
            }
            Errors.AddRange(errors.Select(e => (string)SetupTexts.Problem(e)));
        }
        await LoadAsync(ct);
        return Page();
    }

    private List<WorkOrderField> ParseFields()
    {
        var fields = new List<WorkOrderField>();
        var lines = FieldLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length < 2 || (parts.Length > 2 && !Enum.TryParse<FieldKind>(parts[2], true, out _)))
            {
                Errors.Add(SetupTexts.BadFieldLine.Format(i + 1));
                continue;
            }
            var kind = parts.Length > 2 ? Enum.Parse<FieldKind>(parts[2], true) : FieldKind.Text;
            var choices = parts.Length > 4 ? parts[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            fields.Add(new WorkOrderField(parts[0], parts[1], kind, parts.Length > 3 && parts[3] == "1", choices.Length > 0 ? choices : null));
        }
        return fields;
    }

    /// <summary>A number typed in a form; a blank or non-number is named in the errors (a zero stays for the SLA check to word).</summary>
    private double? Number(string? text, string label)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return n;
        Errors.Add(SetupTexts.BadNumber.Format(label));
        return null;
    }

    private static string Hours(TimeSpan t) => t.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await types.ListAsync(ct: ct);
        DepartmentList = await departments.ListAsync(ct: ct);
        Campaigns = await campaigns.CampaignsAsync(TenantScope.AllTenants, ct);
    }
}
