using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outbound.Data.Telephony;
using Outbound.Web.Areas.Admin.Telephony;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Admin.Pages.Telephony;

/// <summary>The carrier trunk's settings. The password is write-only: the page shows only whether one is stored.</summary>
public sealed partial class TrunkModel(SipTrunkStore trunks, IServiceProvider services) : PageModel
{
    public sealed record Command
    {
        public string Host { get; set; } = "";
        [FieldLabel(typeof(TelephonyTexts), nameof(TelephonyTexts.Port))]
        public int Port { get; set; } = 5060;
        public string Transport { get; set; } = "udp";
        public string? Username { get; set; }
        public string? Password { get; set; }
        public bool ClearPassword { get; set; }
        public string? Realm { get; set; }
        public string CallerId { get; set; } = "";
        [FieldLabel(typeof(TelephonyTexts), nameof(TelephonyTexts.OptionsInterval))]
        public int OptionsIntervalSeconds { get; set; } = 30;

        public IReadOnlyList<Text> Problems()
        {
            var problems = new List<Text>();
            var host = Host?.Trim() ?? "";
            if (!IPAddress.TryParse(host, out _) && !HostName().IsMatch(host)) problems.Add(TelephonyTexts.HostInvalid);
            if (Port is < 1 or > 65535) problems.Add(TelephonyTexts.PortInvalid);
            if (!SipTrunkRecord.Transports.Contains(Transport)) problems.Add(TelephonyTexts.TransportInvalid);
            if (!string.IsNullOrWhiteSpace(Username) && !SipUser().IsMatch(Username.Trim())) problems.Add(TelephonyTexts.UsernameInvalid);
            if (!string.IsNullOrEmpty(Password) && string.IsNullOrWhiteSpace(Username)) problems.Add(TelephonyTexts.PasswordNeedsUsername);
            if (Password?.Length > 128) problems.Add(TelephonyTexts.PasswordTooLong);
            if (!string.IsNullOrWhiteSpace(Realm) && (Realm.Trim().Length > 128 || Realm.Any(c => c is '"' or '\\' || char.IsControl(c))))
                problems.Add(TelephonyTexts.RealmInvalid);
            if (!CallerIdPattern().IsMatch(CallerId?.Trim() ?? "")) problems.Add(TelephonyTexts.CallerIdInvalid);
            if (OptionsIntervalSeconds is < 0 or > 3600 or (> 0 and < 5)) problems.Add(TelephonyTexts.OptionsIntervalInvalid);
            return problems;
        }

        public SipTrunkRecord ToRecord() =>
            new(Host.Trim(), Port, Transport, Username?.Trim(), Realm?.Trim(), CallerId.Trim(), OptionsIntervalSeconds);
    }

    [BindProperty] public Command Input { get; set; } = new();
    public SipTrunkRecord? Stored { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public LiveTelephony? Live => LiveTelephony.Of(services);
    public TelephonyAdapter Adapter => ActiveTelephony.Of(services);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stored = await trunks.GetAsync(ct);
        if (Stored is { } t)
            Input = new Command
            {
                Host = t.Host, Port = t.Port, Transport = t.Transport, Username = t.Username, Realm = t.Realm, CallerId = t.CallerId,
                OptionsIntervalSeconds = t.OptionsIntervalSeconds,
            };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = ModelState.IsValid ? [] : ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
        problems.AddRange(Input.Problems().Select(p => p.ToString()));
        if (problems.Count > 0)
        {
            Problems = problems;
            Stored = await trunks.GetAsync(ct);
            return Page();
        }
        await trunks.SaveAsync(Input.ToRecord(), Input.Password, Input.ClearPassword, User.Identity?.Name ?? "?", ct);
        TempData["Flash"] = TelephonyTexts.TrunkSaved.ToString();
        return RedirectToPage();
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[A-Za-z0-9._+\-]{1,64}$")]
    private static partial Regex SipUser();

    [GeneratedRegex(@"^\+?[0-9]{3,20}$")]
    private static partial Regex CallerIdPattern();
}
