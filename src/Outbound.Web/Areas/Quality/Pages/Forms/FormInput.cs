using Outbound.Core.Quality;

namespace Outbound.Web.Areas.Quality.Pages.Forms;

/// <summary>
/// The form editor's fields as the browser posts them. Sections and items carry their own index values
/// (<c>Sections.Index</c>, <c>Items.Index</c>) so rows added or removed in the page bind without renumbering.
/// </summary>
public sealed class FormInput
{
    public string Scope { get; set; } = "";
    public string Name { get; set; } = "";
    public CriticalFailureMode Mode { get; set; } = CriticalFailureMode.ScoreZero;
    public Dictionary<string, SectionInput> Sections { get; set; } = [];
    public List<BandInput> Bands { get; set; } = [];

    public sealed class SectionInput
    {
        public string Title { get; set; } = "";
        public Dictionary<string, ItemInput> Items { get; set; } = [];
    }

    public sealed class ItemInput
    {
        public string Key { get; set; } = "";
        public string Label { get; set; } = "";
        public ItemKind Kind { get; set; }
        public decimal Weight { get; set; }
        public int ScaleMax { get; set; } = 5;
        public decimal DeductionPoints { get; set; }
        public bool Critical { get; set; }
        public bool AllowNa { get; set; }
        public CriticalTopic Topic { get; set; }
    }

    public sealed class BandInput
    {
        public Band Band { get; set; }
        public decimal From { get; set; }
        public decimal To { get; set; }
    }

    public EvaluationForm ToForm() => new(Name.Trim(),
        Sections.Values.Select(s => new FormSection(s.Title.Trim(), s.Items.Values.Select(i => new FormItem(
            string.IsNullOrWhiteSpace(i.Key) ? "i" + Guid.NewGuid().ToString("N")[..8] : i.Key, i.Label?.Trim() ?? "", i.Kind,
            i.Kind == ItemKind.Deduction ? 0 : i.Weight, i.Kind == ItemKind.Scale ? i.ScaleMax : 0,
            i.Kind == ItemKind.Deduction ? i.DeductionPoints : 0, i.Critical, i.AllowNa, i.Critical ? i.Topic : CriticalTopic.None)).ToList())).ToList(),
        Bands.Select(b => new BandRange(b.Band, b.From, b.To)).ToList(), Mode);

    public static FormInput From(EvaluationForm form, string scope) => new()
    {
        Scope = scope,
        Name = form.Name,
        Mode = form.CriticalMode,
        Sections = form.Sections.Select((s, si) => (s, si)).ToDictionary(x => $"s{x.si}", x => new SectionInput
        {
            Title = x.s.Title,
            Items = x.s.Items.Select((i, ii) => (i, ii)).ToDictionary(y => $"i{y.ii}", y => new ItemInput
            {
                Key = y.i.Key, Label = y.i.Label, Kind = y.i.Kind, Weight = y.i.Weight, ScaleMax = y.i.Kind == ItemKind.Scale ? y.i.ScaleMax : 5,
                DeductionPoints = y.i.DeductionPoints, Critical = y.i.Critical, AllowNa = y.i.AllowNotApplicable, Topic = y.i.Topic,
            }),
        }),
        Bands = Enum.GetValues<Band>().Select(b => form.Bands.FirstOrDefault(x => x.Band == b) is { } r
            ? new BandInput { Band = b, From = r.From, To = r.To } : new BandInput { Band = b }).ToList(),
    };
}
