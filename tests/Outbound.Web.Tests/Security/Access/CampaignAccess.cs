namespace Outbound.Web.Tests.Security.Access;

/// <summary>Campaign set-up, lists and live status: read by staff and the campaign's client, written by admins and managers.</summary>
internal sealed class CampaignAccess : IAccessDeclarations
{
    public void Declare(AccessMap map, AccessWorld world)
    {
        var campaign = world.BankCampaign;
        map.Page("/Campaigns/Index", "/Campaigns", Who.CampaignReaders);
        map.Page("/Campaigns/Details", $"/Campaigns/Details/{campaign}", Who.CampaignReaders, Scope.Campaign);
        map.Page("/Campaigns/Import", $"/Campaigns/Import/{world.BankImport}", Who.CampaignReaders, Scope.Campaign)
            .Get("Rejects")
            .Get("Status");
        map.Page("/Campaigns/Live", $"/Campaigns/Live/{campaign}", Who.CampaignReaders, Scope.Campaign)
            .Post("Start", Who.CampaignWriters)
            .Post("Pause", Who.CampaignWriters)
            .Post("Stop", Who.CampaignWriters);
        map.Page("/Campaigns/Create", "/Campaigns/Create", Who.CampaignWriters).Post("");
        map.Page("/Campaigns/Edit", $"/Campaigns/Edit/{campaign}", Who.CampaignWriters, Scope.Campaign).Post("");
        map.Page("/Campaigns/Staff", $"/Campaigns/Staff/{campaign}", Who.CampaignWriters, Scope.Campaign).Post("");
        map.Page("/Campaigns/Repayments", $"/Campaigns/Repayments/{campaign}", Who.CampaignWriters, Scope.Campaign).Post("");
        map.Page("/Campaigns/Upload", $"/Campaigns/Upload/{campaign}", Who.CampaignWriters, Scope.Campaign)
            .Get("Job", $"job={Guid.Empty}", allowed: Outcome.NotFound)
            .Post("Preview")
            .Post("Start");
        map.Hub("/hubs/campaign-live", Who.CampaignReaders, "Watch");
    }
}
