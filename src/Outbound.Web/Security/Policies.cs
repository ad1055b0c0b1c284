using Microsoft.AspNetCore.Authorization;
using Outbound.Core.Identity;

namespace Outbound.Web.Security;

/// <summary>Authorisation policies by role. Pages name a policy; the role lists live only here.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    /// <summary>See campaigns, their imports and reject files (Client users: only their own tenant's).</summary>
    public const string CampaignsRead = nameof(CampaignsRead);
    /// <summary>Create and edit campaigns and load lists.</summary>
    public const string CampaignsWrite = nameof(CampaignsWrite);

    /// <summary>Keep the assessment catalogue, record and decide deductions, settle months.</summary>
    public const string Hr = nameof(Hr);
    /// <summary>See one's own points and deductions, and appeal them.</summary>
    public const string AssessmentSelf = nameof(AssessmentSelf);
    /// <summary>See the points and deductions of the team one leads.</summary>
    public const string SupervisorTeam = nameof(SupervisorTeam);
    /// <summary>The client portal: a Client user's own campaigns, contract and statements.</summary>
    public const string ClientPortal = nameof(ClientPortal);

    /// <summary>Work at the agent desk (坐席工作台).</summary>
    public const string Desk = nameof(Desk);
    /// <summary>Watch the wallboard and intervene on agents.</summary>
    public const string Wallboard = nameof(Wallboard);

    /// <summary>The quality pages (质检): Qa staff, supervisors (their campaigns' results), Hr (evidence) and the admin.</summary>
    public const string Quality = nameof(Quality);
    /// <summary>One's own evaluations: acknowledge or dispute them.</summary>
    public const string QualitySelf = nameof(QualitySelf);
    /// <summary>Open, search and work orders of one's campaigns and departments (工单).</summary>
    public const string WorkOrders = nameof(WorkOrders);
    /// <summary>Order types, SLAs, departments and the business calendar.</summary>
    public const string WorkOrderSetup = nameof(WorkOrderSetup);
    /// <summary>Service metrics: FCR, full resolution, escalations, SLA attainment.</summary>
    public const string ServiceMetrics = nameof(ServiceMetrics);
    /// <summary>Read and search the knowledge base, flag articles.</summary>
    public const string Knowledge = nameof(Knowledge);
    /// <summary>Publish articles, decide client proposals, keep synonyms and policy changes.</summary>
    public const string KnowledgeEdit = nameof(KnowledgeEdit);

    public static AuthorizationBuilder AddOutboundPolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(CampaignsRead, p => p.RequireRole(Roles.Admin, Roles.CampaignManager, Roles.Supervisor, Roles.Client))
        .AddPolicy(CampaignsWrite, p => p.RequireRole(Roles.Admin, Roles.CampaignManager))
        .AddPolicy(Hr, p => p.RequireRole(Roles.Hr))
        .AddPolicy(AssessmentSelf, p => p.RequireRole(Roles.Agent, Roles.Supervisor))
        .AddPolicy(SupervisorTeam, p => p.RequireRole(Roles.Supervisor))
        .AddPolicy(ClientPortal, p => p.RequireRole(Roles.Client))
        .AddPolicy(Desk, p => p.RequireRole(Roles.Agent, Roles.Supervisor))
        .AddPolicy(Wallboard, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
        .AddPolicy(Quality, p => p.RequireRole(Roles.Qa, Roles.Supervisor, Roles.Hr, Roles.Admin))
        .AddPolicy(QualitySelf, p => p.RequireRole(Roles.Agent, Roles.Supervisor))
        .AddPolicy(WorkOrders, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin, Roles.CampaignManager))
        .AddPolicy(WorkOrderSetup, p => p.RequireRole(Roles.Admin, Roles.CampaignManager))
        .AddPolicy(ServiceMetrics, p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.CampaignManager))
        .AddPolicy(Knowledge, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin, Roles.CampaignManager))
        .AddPolicy(KnowledgeEdit, p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.CampaignManager));
}
