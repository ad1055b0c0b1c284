using System.Net;
using Outbound.Data.Demo;
using Outbound.Web.Tests.Account;

namespace Outbound.Web.Tests.Security;

/// <summary>Served behind an HTTPS reverse proxy the app knows it is on HTTPS; served over plain HTTP (the local demo) nothing changes.</summary>
public sealed class HttpsProxyTests(SignInWebFactory app) : IClassFixture<SignInWebFactory>
{
    private static string AuthCookie(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("outbound.auth=", StringComparison.Ordinal));

    [Fact]
    public async Task Behind_an_https_proxy_the_sign_in_cookie_is_secure()
    {
        var browser = app.From(SignInWebFactory.NewAddress(), https: true);
        var response = await browser.LoginAsync("manager@demo.local", DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("; secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_plain_http_the_cookie_works_without_the_secure_flag()
    {
        var browser = app.From(SignInWebFactory.NewAddress());
        var response = await browser.LoginAsync("manager@demo.local", DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("; secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Campaigns")).StatusCode);
    }
}
