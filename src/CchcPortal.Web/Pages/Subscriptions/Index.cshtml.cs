using CchcPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Subscriptions;

/// <summary>/theo-doi: what one can follow by e-mail.</summary>
public sealed class IndexModel(SubscriptionTopics topics) : PageModel
{
    public IReadOnlyList<TopicInfo> Categories { get; private set; } = [];
    public IReadOnlyList<TopicInfo> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Categories, Agencies) = await topics.ListAsync(ct);
}
