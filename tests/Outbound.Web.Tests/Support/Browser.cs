using System.Net;
using System.Text.RegularExpressions;

namespace Outbound.Web.Tests.Support;

/// <summary>An HTTP client that keeps cookies and posts forms the way a browser does: antiforgery token taken from the page.</summary>
public sealed partial class Browser(HttpClient client)
{
    public HttpClient Client => client;

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await GetPageAsync(formPage);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        var all = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(action ?? formPage, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        PostFormAsync("/Account/Login", [new("Email", email), new("Password", password)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
