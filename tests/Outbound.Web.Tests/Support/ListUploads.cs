using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outbound.Web.Tests.Support;

/// <summary>The upload page as a campaign manager uses it: choose a file → preview → start with the suggested mapping → wait for the job.</summary>
internal static partial class ListUploads
{
    public static string Page(Guid campaign) => $"/Campaigns/Upload/{campaign}";

    public static Task<HttpResponseMessage> PreviewAsync(Browser browser, Guid campaign, string fileName, byte[] content, string encoding = "auto") =>
        browser.PostFileAsync(Page(campaign), $"{Page(campaign)}?handler=Preview", "file", fileName, content, [new("encoding", encoding)]);

    /// <summary>Previews the file, starts the import with the mapping the page suggests, and returns the finished job's JSON.</summary>
    public static async Task<JsonElement> ImportAsync(Browser browser, Guid campaign, string fileName, byte[] content)
    {
        var preview = await PreviewAsync(browser, campaign, fileName, content);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, "the preview offers no import: " + ProblemText(html));
        var fields = new List<KeyValuePair<string, string>> { new("token", token.Groups[1].Value), new("encoding", "auto") };
        foreach (Match m in SuggestedField().Matches(html)) fields.Add(new($"map[{m.Groups[1].Value}]", m.Groups[2].Value));
        var start = await browser.PostFormAsync(Page(campaign), fields, $"{Page(campaign)}?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var job = Regex.Match(start.Headers.Location!.OriginalString, "job=([0-9a-f-]+)").Groups[1].Value;
        for (var i = 0; i < 600; i++)
        {
            var json = JsonDocument.Parse(await browser.GetPageAsync($"{Page(campaign)}?handler=Job&job={job}")).RootElement;
            if (json.GetProperty("state").GetString() is "Completed" or "Failed") return json;
            await Task.Delay(100);
        }
        throw new TimeoutException("the import did not finish in 60 s");
    }

    /// <summary>The page's error message (upload-problem), or null.</summary>
    public static string? ProblemText(string html)
    {
        var m = ProblemParagraph().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("name=\"token\" value=\"([^\"]*)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<select name=\"map\\[(\\d+)\\]\">(?:(?!</select>)[\\s\\S])*?<option value=\"([a-z0-9_]+)\" selected=\"selected\"")]
    private static partial Regex SuggestedField();

    [GeneratedRegex("id=\"upload-problem\">([^<]*)<")]
    private static partial Regex ProblemParagraph();
}
