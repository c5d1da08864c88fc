namespace CchcPortal.Web.Features.Feeds;

/// <summary>RSS feeds, sitemap.xml and robots.txt.</summary>
public sealed class FeedsFeature : IPortalFeature
{
    public string Name => "Feeds";

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapFeeds();
}
