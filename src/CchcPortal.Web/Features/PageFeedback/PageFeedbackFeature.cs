using CchcPortal.Core.Identity;
using CchcPortal.Core.PageFeedback;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.PageFeedback;

/// <summary>"Trang này có hữu ích không?": the yes/no at the end of every public page, and the editors' report.</summary>
public sealed class PageFeedbackFeature : IPortalFeature
{
    public string Name => "PageFeedback";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PageFeedbackService>();
        services.AddScoped<PageFeedbackReport>();
        services.AddSingleton<VoteTickets>();
    }

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/PageFeedback", PortalPolicies.EditContent);

    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Ý kiến về trang", PageFeedbackPaths.Report, 96, PortalPolicies.EditContent)];
}

/// <summary>The feature's addresses.</summary>
public static class PageFeedbackPaths
{
    public const string Vote = "/y-kien-trang";
    public const string Thanks = "/y-kien-trang/cam-on";
    public const string Report = "/quan-tri/y-kien-trang";
    public const string Comments = "/quan-tri/y-kien-trang/gop-y";
    public static string ThanksFor(string ticket) => $"{Thanks}?phieu={Uri.EscapeDataString(ticket)}";
}
