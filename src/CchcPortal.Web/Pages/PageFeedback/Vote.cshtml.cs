using CchcPortal.Core.Common;
using CchcPortal.Core.PageFeedback;
using CchcPortal.Web.Features.PageFeedback;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.PageFeedback;

/// <summary>
/// The one-tap vote of the widget at the end of every public page (post/redirect/get to the thank-you page).
/// No antiforgery token: the widget is on cached pages shared by everyone; <see cref="CrossSitePosts"/> refuses
/// forged cross-site posts instead.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
[StripsNulFromForm]
public sealed class VoteModel(PageFeedbackService feedback, VoteTickets tickets) : PageModel
{
    [BindProperty(Name = "duong-dan")] public string? PagePath { get; set; }
    [BindProperty(Name = "huu-ich")] public string? Answer { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    /// <summary>Where "Quay lại" leads: the page voted on when its path is valid, else the home page.</summary>
    public string BackPath => FeedbackPath.IsValid(PagePath) ? PagePath! : "/";

    public IActionResult OnGet() => Redirect(BackPath);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (CrossSitePosts.IsCrossSite(Request)) return StatusCode(StatusCodes.Status403Forbidden);
        if (FeedbackPath.IsValid(PagePath) && DeviceVotes.HasVoted(HttpContext, PagePath!))
            return ThankYou(new VoteTicket(0, false, PagePath!));

        var result = await feedback.VoteAsync(PagePath, Answer, ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors.All.Select(e => e.Value).ToList();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var vote = result.Value!;
        DeviceVotes.Remember(HttpContext, vote.Path);
        return ThankYou(new VoteTicket(vote.Id, vote.Helpful, vote.Path));
    }

    private StatusCodeResult ThankYou(VoteTicket ticket)
    {
        Response.Headers.Location = PageFeedbackPaths.ThanksFor(tickets.Issue(ticket));
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
