using System.Net;
using System.Text.RegularExpressions;
using Outbound.Web.Tests.Security.Access;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Security;

/// <summary>The app with the sweep's world, every access declaration of this assembly, and what the app really serves.</summary>
public sealed partial class AccessSweepFixture : IAsyncLifetime
{
    public OutboundWebFactory App { get; } = new();
    public AccessWorld World { get; private set; } = null!;
    public AccessMap Map { get; } = new();
    public EndpointInventory Served { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        World = new AccessWorld(App);
        await World.PrepareAsync();
        var declarations = typeof(IAccessDeclarations).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IAccessDeclarations).IsAssignableFrom(t))
            .Select(t => (IAccessDeclarations)Activator.CreateInstance(t)!)
            .ToList();
        foreach (var declaration in declarations) await declaration.PrepareAsync(World);
        foreach (var declaration in declarations) declaration.Declare(Map, World);
        Served = await EndpointInventory.ReadAsync(App.Services);
    }

    /// <summary>A cookie-keeping client signed in as the caller (or anonymous), and an antiforgery token of its session.</summary>
    public async Task<(Browser Browser, string Token)> SessionOfAsync(Caller caller)
    {
        var browser = caller == Caller.Anonymous ? App.NewBrowser() : await App.SignedInAs(AccessWorld.EmailOf(caller));
        var page = await (await browser.GetAsync("/Error")).Content.ReadAsStringAsync();
        var token = TokenField().Match(page);
        Assert.True(token.Success, $"no antiforgery token for {caller}");
        return (browser, WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    public static Outcome Classify(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return location.Contains("/Account/Login", StringComparison.Ordinal) ? Outcome.SignIn
                : location.Contains("/Account/AccessDenied", StringComparison.Ordinal) ? Outcome.Denied
                : Outcome.Redirect;
        }
        return code switch
        {
            >= 500 => Outcome.ServerError,
            429 => Outcome.TooManyRequests,
            401 => Outcome.SignIn,
            403 => Outcome.Denied,
            404 => Outcome.NotFound,
            >= 400 => Outcome.BadRequest,
            _ => Outcome.Ok,
        };
    }

    public static bool Satisfies(Outcome actual, Outcome expected) =>
        actual == expected || (expected == Outcome.Handled && actual is Outcome.Ok or Outcome.Redirect or Outcome.BadRequest or Outcome.NotFound);

    async Task IAsyncLifetime.DisposeAsync() => await ((IAsyncLifetime)App).DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
