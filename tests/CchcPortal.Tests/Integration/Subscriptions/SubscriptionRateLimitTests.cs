using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Subscriptions;

/// <summary>The subscribe POST counts against the public-post limit (its own factory: the limit is per client address).</summary>
public class SubscriptionRateLimitTests
{
    [Fact]
    public async Task The_subscribe_post_is_rate_limited()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:RateLimits:PublicPostsPerMinute"] = "2" });
        int category;
        using (var scope = factory.Services.CreateScope())
            category = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.Select(c => c.Id).FirstAsync();
        var client = factory.Anonymous();
        var url = SubscriptionPaths.SubscribeTo(TopicKind.NewsCategory, category);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var fields = new Dictionary<string, string> { ["Email"] = $"gioi.han{i}@example.vn", ["Frequency"] = "Daily", ["altcha"] = await client.SolvedAltchaAsync() };
            statuses.Add((await client.PostFormAsync(url, fields, url)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther, HttpStatusCode.TooManyRequests], statuses);
    }
}
