using CchcPortal.Core.PageFeedback;
using CchcPortal.Web.Features.PageFeedback;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.PageFeedback;

/// <summary>
/// Thanks for a vote; after "Không", the optional "Trang còn thiếu gì?" (a page of its own, never cached, so its form
/// carries the usual antiforgery token). The signed ticket in the address says which vote the note belongs to.
/// </summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
[StripsNulFromForm]
public sealed class ThanksModel(PageFeedbackService feedback, VoteTickets tickets) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "phieu")] public string? Ticket { get; set; }
    [BindProperty(SupportsGet = true, Name = "da-gop-y")] public bool Commented { get; set; }
    [BindProperty(Name = "gop-y")] public string? Comment { get; set; }

    public VoteTicket Vote { get; private set; } = null!;
    public bool AskWhatWasMissing => Vote is { VoteId: > 0, Helpful: false } && !Commented;

    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        if (tickets.Read(Ticket) is not { } vote) return Expired();
        Vote = vote;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (tickets.Read(Ticket) is not { VoteId: > 0 } vote) return Expired();
        Vote = vote;
        var result = await feedback.CommentAsync(vote.VoteId, Comment, ct);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors.All) ModelState.AddModelError("gop-y", message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Response.Headers.Location = PageFeedbackPaths.ThanksFor(Ticket!) + "&da-gop-y=true";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A forged or expired ticket: nothing to thank for or to add to.</summary>
    private IActionResult Expired()
    {
        Vote = new VoteTicket(-1, true, "/");
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }
}
