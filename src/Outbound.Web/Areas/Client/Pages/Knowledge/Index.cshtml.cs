using Microsoft.AspNetCore.Authorization;
using Outbound.Core.Tenants;
using Outbound.Data.Knowledge;
using Outbound.Data.Tenants;
using Outbound.Web.Areas.Knowledge;
using Outbound.Web.Areas.WorkOrders;
using Outbound.Web.Security;

namespace Outbound.Web.Areas.Client.Pages.Knowledge;

/// <summary>The client's own knowledge base: its categories and articles, searchable.</summary>
[Authorize(Policy = Policies.ClientPortal)]
public sealed class IndexModel(CurrentViewer viewers, KnowledgeStore store, KnowledgeSearch search, TenantRepository tenants, TenantScope scope)
    : KnowledgeBrowsePage(viewers, store, search, tenants, scope)
{
    public override string ArticlePath => "/Client/Knowledge/Article";
}
