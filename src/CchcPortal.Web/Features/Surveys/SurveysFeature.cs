using CchcPortal.Core.Identity;
using CchcPortal.Core.Surveys;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Net.Http.Headers;

namespace CchcPortal.Web.Features.Surveys;

/// <summary>
/// "Đánh giá sự hài lòng": the SIPAS-style survey a citizen fills in after dealing with an agency, its moderated comments,
/// the public results and exports, the QR code per agency, and the publishing of a year's results into SIPAS.
/// </summary>
public sealed class SurveysFeature : IPortalFeature
{
    public string Name => "Surveys";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var portal = configuration.GetSection("Portal");
        services.AddSingleton(new SurveySettings
        {
            MinimumResponses = portal.GetValue("SurveyMinimumResponses", 30),
            BurstMinimum = portal.GetValue("SurveyBurstMinimum", 20),
            BurstWindowMinutes = portal.GetValue("SurveyBurstWindowMinutes", 60),
            BurstFactor = portal.GetValue("SurveyBurstFactor", 10.0),
        });
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<SurveyModeration>();
        services.AddScoped<SipasPublisher>();
        services.AddOutputCache(o => o.AddPolicy(SurveyPaths.CachePolicy, b => b.Expire(TimeSpan.FromMinutes(30))
            .SetVaryByHeader(HeaderNames.AcceptEncoding).Tag(CachePolicies.SiteTag, SurveyPaths.CacheTag)));
        services.AddAuthorizationBuilder()
            .AddPolicy(SurveyPaths.ModeratePolicy, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.Moderator));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSurveyEndpoints();

    public void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeAreaFolder("Manager", "/Surveys", SurveyPaths.ModeratePolicy);
        conventions.AuthorizeAreaPage("Manager", "/Surveys/Publish", PortalPolicies.ManageSettings);
    }

    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Đánh giá hài lòng", SurveyPaths.Manager, 92, SurveyPaths.ModeratePolicy)];

    public IEnumerable<(string Kind, string[] Tags)> CacheEvictions => [(SurveyKinds.Response, [SurveyPaths.CacheTag])];
}
