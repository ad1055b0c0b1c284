namespace Outbound.Web.Tests.Security.Access;

/// <summary>The operator's billing pages (admins) and the client portal (each client its own documents).</summary>
internal sealed class BillingAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        var tenant = world.BankTenant;
        map.Page("/Billing/Index", "/Billing", Who.Admin).Post("Check");
        map.Page("/Billing/Maintenance", "/Billing/Maintenance", Who.Admin).Post("");
        map.Page("/Billing/Payments", $"/Billing/Payments?tenant={tenant}", Who.Admin).Post("");
        map.Page("/Billing/Terms", $"/Billing/Terms?tenant={tenant}", Who.Admin).Post("");
        map.Page("/Billing/Statement", $"/Billing/Statement?tenant={tenant}", Who.Admin)
            .Get("Pdf", $"month={world.Month}")
            .Get("Contract")
            .Post("Issue");
        map.Page("/Billing/Performance", $"/Billing/Performance?campaign={world.BankCampaignCode}", Who.Admin)
            .Get("Pdf", $"from={world.Month}-01&to={world.Today}");

        map.Page("/Client/Index", "/Client", Who.Clients)
            .Get("Contract", $"tenant={tenant}", scope: Scope.Tenant)
            .Get("StatementPdf", $"tenant={tenant}&month={world.Month}", scope: Scope.Tenant);
        map.Page("/Client/Statement", $"/Client/Statement?tenant={tenant}&month={world.Month}", Who.Clients, Scope.Tenant);
        map.Page("/Client/Performance", $"/Client/Performance?campaign={world.BankCampaignCode}", Who.Clients, Scope.Tenant)
            .Get("Pdf", $"from={world.Month}-01&to={world.Today}");
    }
}
