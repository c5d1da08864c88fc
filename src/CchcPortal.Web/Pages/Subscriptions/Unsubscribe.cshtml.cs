using CchcPortal.Core.Subscriptions;
using CchcPortal.Web.Features.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CchcPortal.Web.Pages.Subscriptions;

/// <summary>
/// The unsubscribe link of every message. GET asks for a click; POST unsubscribes, from that button or from a mail
/// program's one-click POST (RFC 8058: no cookie, no antiforgery token, so the signed token in the URL is the only
/// proof). Not rate-limited: mail providers send these POSTs for many readers from few addresses.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(SubscriptionService subscriptions, SubscriptionLinks links) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    public TopicInfo? Topic { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (links.ReadUnsubscribe(Token) is not { } id) return Refused(StatusCodes.Status404NotFound);
        Topic = await subscriptions.TopicOfAsync(id, ct);
        // Already gone: saying so is all there is to do.
        Done = Topic is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (links.ReadUnsubscribe(Token) is not { } id) return Refused(StatusCodes.Status400BadRequest);
        Topic = await subscriptions.TopicOfAsync(id, ct);
        await subscriptions.UnsubscribeAsync(id, ct);
        Done = true;
        return Page();
    }

    private PageResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
