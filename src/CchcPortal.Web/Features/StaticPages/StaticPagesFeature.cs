using CchcPortal.Core.Search;
using CchcPortal.Core.Identity;
using CchcPortal.Core.StaticPages;
using CchcPortal.Themes.Default;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.StaticPages;

/// <summary>Static pages (Giới thiệu...) and the home entry of the menu. A page change evicts the whole site.</summary>
public sealed class StaticPagesFeature : IPortalFeature
{
    public string Name => "StaticPages";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StaticPageService>();
        services.AddSearchDocuments<PageSearchDocuments>();
    }

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/StaticPages", PortalPolicies.EditContent);

    public IEnumerable<MenuItem> MainMenu => [new("Trang chủ", "/", 0), new("Giới thiệu", "/gioi-thieu", 90)];
    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Trang tĩnh", "/quan-tri/trang", 20, PortalPolicies.EditContent)];
}
