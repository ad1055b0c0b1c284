using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Outbound.Core.Acd;
using Outbound.Data.Demo;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Localization;

/// <summary>
/// Every page each role reaches from its menu and the pages' own links, read in a real browser in Chinese: no English word or raw
/// code may show up. What may: abbreviations an operator uses as words (PDF, CSV, SIP …), product and package names, and the
/// identifiers people configure (campaign, tenant and disposition codes, field keys), which are data, not text.
/// </summary>
[Collection(ChineseBrowserCollection.Name)]
public sealed partial class ChinesePagesBrowserTests(KestrelDeskWebFactory factory)
{
    private static readonly HashSet<string> Words =
    [
        "Outbound", "English", "PDF", "CSV", "UTF", "GBK", "GB", "BOM", "SIP", "UDP", "TCP", "IP", "OPTIONS", "IVR", "AMD", "HA", "RPC",
        "FCR", "AHT", "ASA", "SL", "TSR", "Ofcom", "Debian", "Simulated", "Sip", "Outbound:Telephony:Adapter=Sip", "HH", "mm", "YYYY", "MM",
        "ops", "db", "migrate", "outbound", "ID", "Ctrl", "Enter", "JSON", "SLA", "MB", "KB", "HTML",
        // the list upload names the file formats and encodings it reads
        "TXT", "Excel", "Unicode", "BE",
        // the IVR tree is edited as JSON; its help names the format's keywords
        "goto", "info", "queue", "voicemail", "hangup", "repeat",
    ];

    private static readonly IEnumerable<string> DataCodes = new[] { DemoCampaigns.Bank, DemoCampaigns.Power, DemoCampaigns.Hotline }
        .SelectMany(c => c.Settings.Dispositions.Select(d => d.Code).Concat(c.Settings.CustomFields.Select(f => f.Key))
            .Concat(c.Settings.Questionnaire?.Questions.Select(q => q.Id) ?? []))
        .Concat(Enum.GetValues<RoutingStrategy>().Select(s => s.Code()))
        .Concat(["name", "phone", "lead_ref", "end"])
        .Concat(DemoWorkOrders.TypeCodes.All); // the setup table's code column

    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData("manager@demo.local")]
    [InlineData("supervisor@demo.local")]
    [InlineData("agent1@demo.local")]
    [InlineData("hr@demo.local")]
    [InlineData("qa@demo.local")]
    [InlineData("client@demo-bank.local")]
    public async Task Pages_a_role_reaches_show_no_english_or_raw_codes(string email)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await KestrelDeskWebFactory.LaunchChromiumAsync(playwright);
        var page = await BrowserPages.SignedInAsync(browser, factory.Address, email);
        var allowed = Words.Concat(DataCodes).ToHashSet(StringComparer.Ordinal);

        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add($"{page.Url}: {message.Text}");
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perTemplate = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Path, int Depth)>([("/", 0)]);
        var leaks = new List<string>();
        while (queue.TryDequeue(out var next) && seen.Count < 80)
        {
            // Two of each page (a campaign's details, an evaluation …) show its words; the rest would only repeat them.
            var template = next.Path.Split('?')[0];
            if (seen.Contains(next.Path) || perTemplate.GetValueOrDefault(template) >= 2) continue;
            seen.Add(next.Path);
            perTemplate[template] = perTemplate.GetValueOrDefault(template) + 1;
            var response = await page.GotoAsync(next.Path);
            Assert.True(response is { Ok: true }, $"{email} GET {next.Path}: {response?.Status}");
            if (await page.Locator("#live-status").CountAsync() > 0)
                await page.WaitForFunctionAsync("() => document.getElementById('live-status').textContent !== '正在连接…'", null,
                    new() { Timeout = BrowserPages.Patience });
            var text = await page.EvaluateAsync<string>(VisibleText);
            leaks.AddRange(Tokens(text).Where(t => !allowed.Contains(t)).Distinct().Select(t => $"{next.Path}: {t}"));
            if (next.Depth >= 3) continue;
            foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href^='/']", "links => links.map(a => a.getAttribute('href'))"))
                if (Followable(href)) queue.Enqueue((href, next.Depth + 1));
        }

        Assert.True(seen.Count > 3, $"{email} reached only {string.Join(", ", seen)}");
        Assert.True(leaks.Count == 0, $"{email} sees English or codes in the Chinese UI:\n{string.Join("\n", leaks)}");
        Assert.True(violations.Count == 0, $"{email}'s pages break the content security policy:\n{string.Join("\n", violations)}");
    }

    /// <summary>Pages, not downloads (PDF, CSV), sign-out or the language switch.</summary>
    private static bool Followable(string href) =>
        !href.Contains("handler=", StringComparison.OrdinalIgnoreCase) && !href.StartsWith("/Account", StringComparison.Ordinal)
        && !href.StartsWith("/Language", StringComparison.Ordinal) && !href.StartsWith("/hubs", StringComparison.Ordinal);

    /// <summary>What a person reads: rendered text, placeholders and titles; not what is written in English on purpose (lang="en").</summary>
    private const string VisibleText = """
        () => {
            const parts = [document.body.innerText];
            for (const e of document.querySelectorAll("[placeholder], [title]"))
                if (!e.closest("[lang=en]")) parts.push(e.getAttribute("placeholder") ?? "", e.getAttribute("title") ?? "");
            for (const e of document.querySelectorAll("[lang=en]")) parts[0] = parts[0].replace(e.innerText, "");
            return parts.join("\n");
        }
        """;

    /// <summary>
    /// Latin words, leaving out e-mail addresses, paths, file and host names, single letters (shift codes E/L, keys), and codes with
    /// digits or hyphens (W001, bank-collect-1, +8610…).
    /// </summary>
    private static IEnumerable<string> Tokens(string text) =>
        Word().Matches(Dotted().Replace(FilePath().Replace(Email().Replace(text, " "), " "), " ")).Select(m => m.Value)
            .Where(w => w.Length > 1 && !w.Any(c => char.IsAsciiDigit(c) || c == '-'));

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_:=\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex Email();

    [GeneratedRegex(@"[\w.\-]*(?:/[\w.\-]+)+")]
    private static partial Regex FilePath();

    [GeneratedRegex(@"[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex Dotted();
}
