using CchcPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Subscriptions;

/// <summary>
/// The link of the confirmation e-mail. GET only shows what is being confirmed: mail scanners that open links do
/// not confirm anything; the button (POST) does, once.
/// </summary>
public sealed class ConfirmModel(SubscriptionService subscriptions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    public TopicInfo? Topic { get; private set; }
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Topic = await subscriptions.PendingTopicAsync(Token, ct);
        return Result();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Topic = await subscriptions.ConfirmAsync(Token, ct);
        Confirmed = Topic is not null;
        return Result();
    }

    private PageResult Result()
    {
        Response.Headers.CacheControl = "no-store";
        if (Topic is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
