namespace Outbound.Web.Tests.Security.Access;

/// <summary>
/// Deleting a recording or a customer file is never allowed: whoever can see the object is refused (403) and the attempt
/// is recorded; whoever cannot see it is told there is no such thing (404), and nothing is recorded.
/// </summary>
internal sealed class ProtectedFileAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        map.Endpoint("DELETE", "/recordings/{callId:guid}", $"/recordings/{world.BankCall}", Who.SignedIn, Scope.Campaign, Outcome.Denied);
        // Hr keeps recordings as evidence but has no business with customer files.
        map.Endpoint("DELETE", "/customers/{leadId:long}", $"/customers/{world.BankLead}", Who.SignedIn, Scope.Campaign, Outcome.Denied,
            (Caller.Hr, Outcome.NotFound));
    }
}
