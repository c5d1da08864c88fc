using CchcPortal.Core.Identity;
using CchcPortal.Core.News.Statistics;
using CchcPortal.Core.News.Views;
using CchcPortal.Web.Features.News.Views;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.News.Statistics;

/// <summary>The editors' statistics of the news column (/quan-tri/thong-ke-tin-bai) and the article view counter that feeds them.</summary>
public sealed class NewsStatisticsFeature : IPortalFeature
{
    public const string Path = "/quan-tri/thong-ke-tin-bai";

    public string Name => "NewsStatistics";
    // Right after News: its view counter starts after scheduled publishing, before the procedure view counter.
    public int Order => FeatureOrder.News + 1;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NewsViewOptions>(configuration.GetSection(NewsViewOptions.Section));
        services.AddScoped<PostViewStore>();
        services.AddScoped<NewsStatisticsQueries>();
        services.AddSingleton<NewsViewCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<NewsViewCounter>());
    }

    public void UseBeforeOutputCache(IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<NewsViewOptions>>().Value.CountViews) app.UseArticleViewCounting();
    }

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/NewsStatistics", PortalPolicies.NewsStatistics);

    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Thống kê tin bài", Path, 15, PortalPolicies.NewsStatistics)];
}
