namespace Outbound.Core.Identity;

/// <summary>The platform's roles (DOMAIN.md "Who uses it"). Names are stored in the roles table; keep them stable.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string CampaignManager = "CampaignManager";
    public const string Supervisor = "Supervisor";
    public const string Agent = "Agent";
    public const string Hr = "Hr";
    public const string Client = "Client";
    /// <summary>质检员: scores recordings of the campaigns they are assigned to (campaign_agents), never their own calls.</summary>
    public const string Qa = "Qa";

    public static IReadOnlyList<string> All { get; } = [Admin, CampaignManager, Supervisor, Agent, Hr, Client, Qa];
}
