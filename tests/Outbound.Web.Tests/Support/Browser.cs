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

    /// <summary>Posts a file upload form (multipart) with the antiforgery token of <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string formPage, string action, string fileField, string fileName, byte[] content,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetPageAsync(formPage);
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(content), fileField, fileName);
        return await client.PostAsync(action, form);
    }

    /// <summary>A DELETE carrying the antiforgery token of <paramref name="tokenPage"/> in its header, as a page's script sends it.</summary>
    public async Task<HttpResponseMessage> DeleteAsync(string tokenPage, string url)
    {
        var token = TokenField().Match(await GetPageAsync(tokenPage));
        Assert.True(token.Success, $"no antiforgery token on {tokenPage}");
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value));
        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        PostFormAsync("/Account/Login", [new("Email", email), new("Password", password)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
