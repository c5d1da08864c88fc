using CchcPortal.Core.Identity;
using CchcPortal.Core.Media;
using CchcPortal.Media.Images;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.FileProviders;

namespace CchcPortal.Web.Features.Media;

/// <summary>The media library: stored files, sanitised uploads, image variants and where each file is used.</summary>
public sealed class MediaFeature : IPortalFeature
{
    public string Name => "Media";
    public int Order => FeatureOrder.HostDefault;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MediaStore>();
        services.AddSingleton(new ImageSanitizer());
        services.AddSingleton(sp => new ImageVariants(sp.GetRequiredService<PortalPaths>().VariantCachePath));
        services.AddScoped<MediaUsages>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<BodyImageCheck>();
        services.AddScoped<IBodyImageImport, LibraryBodyImageImport>();
        services.AddScoped<RichText.IBodyHtmlTransform, RichText.LibraryImageTransform>();
    }

    /// <summary>Stored files under /media are immutable: a replaced file gets a new URL.</summary>
    public void UseBeforeRouting(IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(app.ApplicationServices.GetRequiredService<PortalPaths>().MediaPath),
            RequestPath = MediaStore.UrlPrefix,
            // Videos' captions (WebVTT) are not in the default list of types served.
            ContentTypeProvider = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider { Mappings = { [".vtt"] = "text/vtt; charset=utf-8" } },
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapImageVariants().MapImagePicker();

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Media", PortalPolicies.EditContent);

    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Thư viện", "/quan-tri/thu-vien", 40, PortalPolicies.EditContent)];
}
