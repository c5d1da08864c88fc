using CchcPortal.Core.Subscriptions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Subscriptions;

/// <summary>/theo-doi: what one can follow by e-mail (news categories are most of it: evicted with the news).</summary>
[OutputCache(PolicyName = CachePolicies.News)]
public sealed class IndexModel(SubscriptionTopics topics) : PageModel
{
    public IReadOnlyList<TopicInfo> Categories { get; private set; } = [];
    public IReadOnlyList<TopicInfo> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Categories, Agencies) = await topics.ListAsync(ct);
}
