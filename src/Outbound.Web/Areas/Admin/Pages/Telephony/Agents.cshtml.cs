using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Outbound.Data.Telephony;
using Outbound.Telephony.SipAdapter;
using Outbound.Web.Localization;

using Outbound.Web.Areas.Admin.Telephony;

namespace Outbound.Web.Areas.Admin.Pages.Telephony;

/// <summary>
/// Agents' SIP accounts: create one or reset its password (hashed for the registrar's realm on the way in), and
/// enable or disable it. Passwords are never shown again.
/// </summary>
public sealed partial class AgentsModel(SipAgentAccounts accounts, IOptions<SipTelephonyOptions> sip, IServiceProvider services) : PageModel
{
    public sealed record Command
    {
        public string Agent { get; set; } = "";
        public string Username { get; set; } = "";
        public string Password { get; set; } = "";

        public IReadOnlyList<Text> Problems()
        {
            var problems = new List<Text>();
            if (string.IsNullOrWhiteSpace(Agent) || Agent.Trim().Length > 100 || Agent.Trim().Any(char.IsWhiteSpace)) problems.Add(TelephonyTexts.AgentInvalid);
            if (!SipUsername().IsMatch(Username?.Trim() ?? "")) problems.Add(TelephonyTexts.SipUsernameInvalid);
            if (Password is null || Password.Length is < 8 or > 64 || Password.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                problems.Add(TelephonyTexts.SipPasswordInvalid);
            return problems;
        }
    }

    [BindProperty] public Command Input { get; set; } = new();
    public IReadOnlyList<SipAgentAccountRecord> Accounts { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public string Realm => sip.Value.Realm;
    public LiveTelephony? Live { get; } = LiveTelephony.Of(services);

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var problems = Input.Problems().Select(p => p.ToString()).ToList();
        if (problems.Count == 0)
        {
            var agent = Input.Agent.Trim();
            if (await accounts.SaveAsync(agent, Input.Username.Trim(), Realm, Input.Password, ct) == SipAccountSaveResult.Saved)
            {
                TempData["Flash"] = TelephonyTexts.AccountSaved.Format(agent);
                return RedirectToPage();
            }
            problems.Add(TelephonyTexts.SipUsernameTaken);
        }
        Problems = problems;
        Input.Password = "";
        Accounts = await accounts.ListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostEnableAsync(string agent, CancellationToken ct) => SetEnabledAsync(agent, true, ct);

    public Task<IActionResult> OnPostDisableAsync(string agent, CancellationToken ct) => SetEnabledAsync(agent, false, ct);

    private async Task<IActionResult> SetEnabledAsync(string agent, bool enabled, CancellationToken ct) =>
        await accounts.SetEnabledAsync(agent ?? "", enabled, ct) ? RedirectToPage() : NotFound();

    [GeneratedRegex(@"^[A-Za-z0-9._\-]{2,32}$")]
    private static partial Regex SipUsername();
}
