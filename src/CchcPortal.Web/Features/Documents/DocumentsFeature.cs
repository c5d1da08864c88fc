using CchcPortal.Core.Search;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Documents;
using CchcPortal.Core.Identity;
using CchcPortal.Themes.Default;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Documents;

/// <summary>
/// The documents library (văn bản), the communication plans and the citations linking posts and procedures to
/// documents. A document change evicts the whole site: posts and procedures link to documents.
/// </summary>
public sealed class DocumentsFeature : IPortalFeature
{
    public string Name => "Documents";
    public int Order => FeatureOrder.Documents;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DocumentQueries>();
        services.AddScoped<PlanQueries>();
        services.AddSearchDocuments<LegalDocumentSearchDocuments>();
        services.AddScoped<CitationLinker>();
        services.AddScoped<ActivityReports>();
        // Relinks citations before the output cache is evicted (FeatureOrder).
        services.AddScoped<IContentChangeListener, CitationChangeListener>();
        services.AddScoped<DocumentService>();
        services.AddScoped<DocumentManagerQueries>();
        services.AddScoped<DocumentFileUploads>();
    }

    public void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeAreaFolder("Manager", "/Documents", PortalPolicies.EditContent);
        conventions.AuthorizeAreaFolder("Manager", "/Documents/Citations", PortalPolicies.EditContent);
    }

    public IEnumerable<MenuItem> MainMenu => [new("Văn bản", PublicPaths.Documents, 60), new("Kế hoạch", PublicPaths.Plans, 70)];

    public IEnumerable<ManagerMenuEntry> ManagerMenu =>
    [
        new("Văn bản", "/quan-tri/van-ban", 30, PortalPolicies.EditContent),
        new("Văn bản chưa có", "/quan-tri/van-ban-chua-co", 50, PortalPolicies.EditContent),
    ];
}
