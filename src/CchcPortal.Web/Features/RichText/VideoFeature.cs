using CchcPortal.Core.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Features.RichText;

/// <summary>
/// Video in articles: MP4 uploads to the media library (the only page that accepts requests of that size), and the
/// players that replace the editor's video placeholders on output (Portal:Video).
/// </summary>
public sealed class VideoFeature : IPortalFeature
{
    public const string UploadPage = "/Media/Video";

    public string Name => "Video";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(VideoOptions.Section);
        services.Configure<VideoOptions>(section);
        services.AddScoped<VideoUploads>();
        services.AddScoped<IBodyHtmlTransform, VideoTransform>();

        // The video, a poster and a captions file, with room for the form's fields and the multipart framing.
        var video = section.Get<VideoOptions>() ?? new VideoOptions();
        var otherFiles = configuration.GetValue<long?>("Portal:MaxUploadBytes") ?? new Infrastructure.PortalOptions().MaxUploadBytes;
        var requestLimit = video.MaxUploadBytes + otherFiles + video.MaxCaptionsBytes + 1024 * 1024;
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddAreaPageApplicationModelConvention("Manager", UploadPage, page =>
        {
            page.Filters.Add(new RequestSizeLimitAttribute(requestLimit));
            page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = requestLimit });
        }));
    }
}
