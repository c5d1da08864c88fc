using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Questions;

/// <summary>Code + secret → the case's status and history. A wrong pair reveals nothing and is rate-limited.</summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
public sealed class TrackModel(QuestionService questions) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }
    public QuestionCase? Case { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Case = await questions.TrackAsync(Code, Secret, ct);
        Response.Headers.CacheControl = "no-store";
        if (Case is null)
        {
            ModelState.AddModelError("", "Mã hồ sơ hoặc mã bí mật không đúng. Vui lòng kiểm tra lại.");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
