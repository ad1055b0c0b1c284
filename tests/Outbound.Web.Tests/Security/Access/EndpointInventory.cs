using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Outbound.Web.Tests.Security.Access;

/// <summary>One page handler as the app serves it: its key (as declared), the parameters it binds from a GET's query.</summary>
public sealed record ServedHandler(string Key, string Method, IReadOnlyList<string> QueryParameters);

/// <summary>A hub as the app maps it, with its public methods.</summary>
public sealed record ServedHub(string Path, IReadOnlyList<string> Methods);

/// <summary>
/// What the running app serves, read from its own endpoint data source: every Razor page with the handler methods of its
/// compiled model, every other endpoint by method and route template, and every hub with its methods.
/// </summary>
public sealed class EndpointInventory
{
    public required IReadOnlyList<ServedHandler> Handlers { get; init; }
    public required IReadOnlyList<ServedHub> Hubs { get; init; }

    public static async Task<EndpointInventory> ReadAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new Dictionary<string, ServedHandler>();
        var hubs = new Dictionary<string, ServedHub>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var name = (page.AreaName is null ? "" : "/" + page.AreaName) + page.ViewEnginePath;
                // A page without a model (or without handlers) still answers GET.
                if (compiled.HandlerMethods.Count == 0) handlers[PageDeclaration.Key("GET", name, "")] = new ServedHandler(PageDeclaration.Key("GET", name, ""), "GET", []);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var key = PageDeclaration.Key(method, name, handler.Name ?? "");
                    handlers[key] = new ServedHandler(key, method, QueryParameters(compiled, handler, endpoint));
                }
            }
            else if (endpoint.Metadata.GetMetadata<HubMetadata>() is { } hub)
            {
                var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                if (path.EndsWith("/negotiate", StringComparison.Ordinal)) continue;
                hubs[path] = new ServedHub(path, HubMethods(hub.HubType));
            }
            else
            {
                var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                    handlers[$"{method} {route}"] = new ServedHandler($"{method} {route}", method, []);
            }
        }
        return new EndpointInventory { Handlers = [.. handlers.Values.OrderBy(h => h.Key)], Hubs = [.. hubs.Values.OrderBy(h => h.Path)] };
    }

    /// <summary>What a GET of the handler takes from the query: its own parameters and the page's GET-bound properties, minus route values.</summary>
    private static IReadOnlyList<string> QueryParameters(CompiledPageActionDescriptor page, HandlerMethodDescriptor handler, RouteEndpoint endpoint)
    {
        var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fromHandler = handler.Parameters
            .Where(p => p.ParameterType != typeof(CancellationToken) && p.BindingInfo?.BindingSource?.IsFromRequest != false)
            .Select(p => p.Name);
        var fromModel = page.BoundProperties
            .Where(p => p is PageBoundPropertyDescriptor { Property: { } property }
                        && property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>()?.SupportsGet == true)
            .Select(p => p.Name);
        return fromHandler.Concat(fromModel).Where(n => !route.Contains(n)).Distinct().ToList();
    }

    private static IReadOnlyList<string> HubMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
