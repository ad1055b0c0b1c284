namespace Outbound.Web.Tests.Security.Access;

// ─── How to declare the access of a page you add ──────────────────────────────────────────────────────────────────
// The access sweep (AccessSweepTests) finds every Razor page handler, endpoint and hub method of the app from its own
// route table and refuses to pass while one of them has no declaration here. For a new area, add a file beside this
// one with a class implementing IAccessDeclarations (it is found by reflection), e.g.
//
//     internal sealed class QualityAccess : IAccessDeclarations
//     {
//         public void Declare(AccessMap map, AccessWorld world) => map
//             .Page("/Quality/Index", "/Quality", Who.Named(Caller.Supervisor, Caller.OtherSupervisor, Caller.Admin))
//                 .Get("Export", "month=2026-11")
//                 .Post("Score", Who.Named(Caller.Supervisor, Caller.OtherSupervisor));
//     }
//
// A page is named by its area and path ("/Quality/Index"); the URL is what the sweep requests (with real ids from the
// AccessWorld when the route has parameters). Name who may use it (Who.*); callers left out must be turned away
// (sign-in for anonymous visitors, access denied for other roles). When the URL names one client's or one campaign's
// object, say so with Scope: the other tenant's client and a supervisor of other campaigns must then get 404.
// Objects your pages need can be made in IAccessDeclarations.PrepareAsync.
// ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────

/// <summary>The people the sweep acts as: each role, plus a client of the other tenant and a supervisor of other campaigns.</summary>
public enum Caller
{
    Anonymous,
    Admin,
    Manager,
    /// <summary>A supervisor assigned to every demo campaign (the campaign the URLs name included).</summary>
    Supervisor,
    /// <summary>A supervisor assigned to the power tenant's survey only: the bank campaign the URLs name is not theirs.</summary>
    OtherSupervisor,
    Agent,
    Hr,
    /// <summary>The bank's client user: the URLs name the bank's objects.</summary>
    Client,
    /// <summary>The power company's client user.</summary>
    OtherClient,
}

/// <summary>What a caller gets back.</summary>
public enum Outcome
{
    /// <summary>2xx.</summary>
    Ok,
    /// <summary>A redirect somewhere other than sign-in or access denied.</summary>
    Redirect,
    /// <summary>Sent to the sign-in page.</summary>
    SignIn,
    /// <summary>Sent to the access-denied page, or 403.</summary>
    Denied,
    NotFound,
    BadRequest,
    /// <summary>For a POST with an empty form: the handler ran and answered (2xx, a redirect, 400 or 404), no error and no denial.</summary>
    Handled,
    TooManyRequests,
    ServerError,
}

/// <summary>Which object a URL names, so that callers who may use the page but not that object get 404.</summary>
public enum Scope
{
    None,
    /// <summary>An object of the bank tenant: <see cref="Caller.OtherClient"/> must not find it.</summary>
    Tenant,
    /// <summary>An object of the bank campaign: <see cref="Caller.OtherClient"/> and <see cref="Caller.OtherSupervisor"/> must not find it.</summary>
    Campaign,
}

/// <summary>Sets of callers, named after what they may do. They restate the intended access independently of the app's policies.</summary>
public static class Who
{
    public static IReadOnlySet<Caller> Named(params Caller[] callers) => callers.ToHashSet();

    public static readonly IReadOnlySet<Caller> Anyone = Enum.GetValues<Caller>().ToHashSet();
    public static readonly IReadOnlySet<Caller> SignedIn = Anyone.Where(c => c != Caller.Anonymous).ToHashSet();
    public static readonly IReadOnlySet<Caller> Admin = Named(Caller.Admin);
    public static readonly IReadOnlySet<Caller> CampaignReaders = Named(Caller.Admin, Caller.Manager, Caller.Supervisor, Caller.OtherSupervisor, Caller.Client, Caller.OtherClient);
    public static readonly IReadOnlySet<Caller> CampaignWriters = Named(Caller.Admin, Caller.Manager);
    public static readonly IReadOnlySet<Caller> Hr = Named(Caller.Hr);
    public static readonly IReadOnlySet<Caller> Clients = Named(Caller.Client, Caller.OtherClient);
    /// <summary>Agents and supervisors: the desk, one's own points and shifts.</summary>
    public static readonly IReadOnlySet<Caller> Staff = Named(Caller.Agent, Caller.Supervisor, Caller.OtherSupervisor);
    public static readonly IReadOnlySet<Caller> Supervisors = Named(Caller.Supervisor, Caller.OtherSupervisor);
    public static readonly IReadOnlySet<Caller> Wallboard = Named(Caller.Supervisor, Caller.OtherSupervisor, Caller.Admin);
}

/// <summary>One request the sweep makes, and what each caller must get.</summary>
public sealed record DeclaredRequest(
    string Key,
    string Method,
    string Url,
    IReadOnlySet<Caller> Who,
    Scope Scope,
    Outcome Allowed,
    IReadOnlyDictionary<Caller, Outcome> Except,
    bool SignsOut)
{
    public Outcome ExpectedFor(Caller caller)
    {
        if (Except.TryGetValue(caller, out var special)) return special;
        if (!Who.Contains(caller)) return caller == Caller.Anonymous ? Outcome.SignIn : Outcome.Denied;
        var outOfScope = (Scope, caller) switch
        {
            (Scope.Tenant or Scope.Campaign, Caller.OtherClient) => true,
            (Scope.Campaign, Caller.OtherSupervisor) => true,
            _ => false,
        };
        return outOfScope ? Outcome.NotFound : Allowed;
    }
}

/// <summary>A hub, who may connect, and its methods (each callable by whoever may connect, unless named otherwise).</summary>
public sealed record DeclaredHub(string Path, IReadOnlySet<Caller> Who, IReadOnlyDictionary<string, IReadOnlySet<Caller>> Methods);

/// <summary>The declarations of one area of the app; found by reflection in this assembly.</summary>
public interface IAccessDeclarations
{
    /// <summary>Makes the objects this area's URLs name, before any declaration is read.</summary>
    Task PrepareAsync(AccessWorld world) => Task.CompletedTask;

    void Declare(AccessMap map, AccessWorld world);
}

/// <summary>Every declared request and hub. Keys: "GET /Campaigns/Import?handler=Rejects", "DELETE /recordings/{callId:guid}", "hub /hubs/agent-desk".</summary>
public sealed class AccessMap
{
    private readonly List<DeclaredRequest> _requests = [];
    private readonly List<DeclaredHub> _hubs = [];

    public IReadOnlyList<DeclaredRequest> Requests => _requests;
    public IReadOnlyList<DeclaredHub> Hubs => _hubs;

    /// <summary>A Razor page: its plain GET, requested at <paramref name="url"/>; chain its other handlers.</summary>
    public PageDeclaration Page(string page, string url, IReadOnlySet<Caller> who, Scope scope = Scope.None, Outcome allowed = Outcome.Ok,
        params (Caller Caller, Outcome Outcome)[] except)
    {
        var declaration = new PageDeclaration(this, page, url, who, scope);
        return declaration.Get("", null, who, scope, allowed, except);
    }

    /// <summary>A page that has no plain GET handler (only posts): chain its handlers.</summary>
    public PageDeclaration PageWithoutGet(string page, string url, IReadOnlySet<Caller> who, Scope scope = Scope.None) =>
        new(this, page, url, who, scope);

    /// <summary>A minimal-API endpoint, by method and route template as the app maps it.</summary>
    public AccessMap Endpoint(string method, string route, string url, IReadOnlySet<Caller> who, Scope scope, Outcome allowed,
        params (Caller Caller, Outcome Outcome)[] except)
    {
        _requests.Add(new DeclaredRequest($"{method} {route}", method, url, who, scope, allowed, except.ToDictionary(e => e.Caller, e => e.Outcome), false));
        return this;
    }

    public AccessMap Hub(string path, IReadOnlySet<Caller> who, params string[] methods)
    {
        _hubs.Add(new DeclaredHub(path, who, methods.ToDictionary(m => m, _ => who)));
        return this;
    }

    internal void Add(DeclaredRequest request) => _requests.Add(request);
}

/// <summary>The handlers of one page: GET ones answer <see cref="Outcome.Ok"/> by default, POSTs (sent with an empty form) <see cref="Outcome.Handled"/>.</summary>
public sealed class PageDeclaration(AccessMap map, string page, string url, IReadOnlySet<Caller> pageWho, Scope pageScope)
{
    /// <param name="handler">"" for OnGet, else the name in OnGet{Name}.</param>
    /// <param name="query">Extra query parameters, "month=2026-11&amp;agent=…".</param>
    public PageDeclaration Get(string handler, string? query = null, IReadOnlySet<Caller>? who = null, Scope? scope = null,
        Outcome allowed = Outcome.Ok, params (Caller Caller, Outcome Outcome)[] except) =>
        Add("GET", handler, query, who, scope, allowed, except, false);

    public PageDeclaration Post(string handler, IReadOnlySet<Caller>? who = null, Scope? scope = null, Outcome allowed = Outcome.Handled,
        params (Caller Caller, Outcome Outcome)[] except) =>
        Add("POST", handler, null, who, scope, allowed, except, false);

    /// <summary>A POST that ends the caller's session and sends it to sign in: the sweep sends it last.</summary>
    public PageDeclaration PostSigningOut(string handler, IReadOnlySet<Caller>? who = null) =>
        Add("POST", handler, null, who, null, Outcome.SignIn, [], true);

    private PageDeclaration Add(string method, string handler, string? query, IReadOnlySet<Caller>? who, Scope? scope, Outcome allowed,
        (Caller Caller, Outcome Outcome)[] except, bool signsOut)
    {
        var parameters = new List<string>();
        if (handler.Length > 0) parameters.Add("handler=" + handler);
        if (!string.IsNullOrEmpty(query)) parameters.Add(query);
        var full = parameters.Count == 0 ? url : url + (url.Contains('?') ? "&" : "?") + string.Join("&", parameters);
        map.Add(new DeclaredRequest(Key(method, page, handler), method, full, who ?? pageWho, scope ?? pageScope, allowed,
            except.ToDictionary(e => e.Caller, e => e.Outcome), signsOut));
        return this;
    }

    public static string Key(string method, string page, string handler) => handler.Length == 0 ? $"{method} {page}" : $"{method} {page}?handler={handler}";
}
