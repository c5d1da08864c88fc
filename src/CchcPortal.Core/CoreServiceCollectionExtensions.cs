using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// What every feature shares: rich-text sanitising, Markdown, the change feed and seeding. Each feature
    /// registers its own services (CchcPortal.Web/Features/*/*Feature.cs); the data layer is registered by the host,
    /// which adds <see cref="ChangeFeedInterceptor"/> to the context's options.
    /// </summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services)
    {
        services.AddSingleton<RichTextSanitizer>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<ContentChangeBroadcaster>();
        services.AddSingleton<ChangeFeedInterceptor>();
        services.AddScoped<ChangeFeed>();
        services.AddScoped<PortalSeeder>();
        services.AddScoped<Media.VideoReferenceCheck>();
        services.AddMemoryCache();
        return services;
    }
}
