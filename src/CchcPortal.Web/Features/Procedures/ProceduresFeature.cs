using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Search;
using CchcPortal.Themes.Default;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Procedures;

/// <summary>Administrative procedures (TTHC): pages, API, imports and the view counter.</summary>
public sealed class ProceduresFeature : IPortalFeature
{
    public string Name => "Procedures";
    public int Order => FeatureOrder.Procedures;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProcedureQueries>();
        services.AddScoped<ProcedureRanking>();
        services.AddScoped<PopularProcedures>();
        services.AddSearchDocuments<ProcedureSearchDocuments>();
        services.AddScoped<ProcedureImporter>();
        services.AddScoped<ProcedureService>();
        services.AddScoped<ProcedureListImporter>();
        services.AddScoped<ProcedureFileImport>();
        services.AddSingleton<ProcedureViewCounter>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcedureViewCounter>());
    }

    /// <summary>Counted before the output cache, so cached views count too.</summary>
    public void UseBeforeOutputCache(IApplicationBuilder app)
    {
        var views = app.ApplicationServices.GetRequiredService<ProcedureViewCounter>();
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method)) views.Record(context.Request.Path);
            return next(context);
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapProcedureEndpoints();

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Procedures", PortalPolicies.ManageDirectory);

    public IEnumerable<MenuItem> MainMenu => [new("Thủ tục", PublicPaths.Procedures, 20)];
    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Thủ tục hành chính", "/quan-tri/thu-tuc", 70, PortalPolicies.ManageDirectory)];
    // Procedure lists appear on agency pages.
    public IEnumerable<(string Kind, string[] Tags)> CacheEvictions => [(ContentKinds.Procedure, [CachePolicies.ProceduresTag, CachePolicies.DirectoryTag])];
}
