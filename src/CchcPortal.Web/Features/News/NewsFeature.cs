using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.News;
using CchcPortal.Core.Search;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.News;

/// <summary>The news column: posts, their manager, scheduled publishing.</summary>
public sealed class NewsFeature : IPortalFeature
{
    public string Name => "News";
    public int Order => FeatureOrder.News;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PostService>();
        services.AddScoped<PostWorkflowService>();
        services.AddScoped<NewsMail>();
        services.AddScoped<PostQueries>();
        services.AddSearchDocuments<NewsSearchDocuments>();
        services.AddScoped<PostManagerQueries>();
        services.AddHostedService<ScheduledPublishingService>();
    }

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/News", PortalPolicies.WriteNews);

    public IEnumerable<MenuItem> MainMenu => [new("Tin tức", PublicPaths.News, 10)];
    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Tin bài", "/quan-tri/bai-viet", 10, PortalPolicies.WriteNews)];
    public IEnumerable<(string Kind, string[] Tags)> CacheEvictions => [(ContentKinds.News, [CachePolicies.NewsTag])];
}
