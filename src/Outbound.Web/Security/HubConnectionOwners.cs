using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Memory;

namespace Outbound.Web.Security;

/// <summary>
/// Binds every SignalR connection to the user who negotiated it. SignalR itself lets any signed-in caller who knows a
/// connection token (the <c>?id=</c> of long polling, server-sent events and sends) use that connection; here the
/// negotiate response's token is remembered with the negotiating user's id, and a request that names a connection
/// of someone else — or one this node never handed out — is answered 404, as SignalR answers an unknown connection.
/// Tokens are kept while they are in use (long polling asks at least every 100 s) and forgotten after 10 idle minutes.
/// </summary>
public sealed class HubConnectionOwners(IMemoryCache owners) : IMiddleware
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is null)
        {
            await next(context);
            return;
        }
        var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (context.Request.Path.Value?.EndsWith("/negotiate", StringComparison.Ordinal) == true)
        {
            await NegotiateAsync(context, user, next);
            return;
        }
        if (context.Request.Query["id"].ToString() is { Length: > 0 } token
            && (user is null || !owners.TryGetValue(Key(token), out string? owner) || owner != user))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next(context);
    }

    /// <summary>Lets SignalR answer the negotiation into a buffer, notes the token it handed out, then sends the answer on.</summary>
    private async Task NegotiateAsync(HttpContext context, string? user, RequestDelegate next)
    {
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        if (user is not null && context.Response.StatusCode == StatusCodes.Status200OK && TokenOf(buffer.ToArray()) is { } token)
            owners.Set(Key(token), user, new MemoryCacheEntryOptions { SlidingExpiration = Idle, Size = 1 });
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    /// <summary>The token the client will use: connectionToken (negotiate version 1), or the connection id (version 0).</summary>
    private static string? TokenOf(byte[] negotiation)
    {
        try
        {
            using var json = JsonDocument.Parse(negotiation);
            var root = json.RootElement;
            return root.TryGetProperty("connectionToken", out var token) ? token.GetString()
                : root.TryGetProperty("connectionId", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Key(string token) => "hub-connection:" + token;
}
