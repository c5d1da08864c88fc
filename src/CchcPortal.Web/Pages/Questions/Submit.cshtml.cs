using CchcPortal.Core.Directory;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Questions;

/// <summary>The public submission form. Saved before the response; the confirmation shows the code and secret once.</summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
public sealed class SubmitModel(QuestionService questions, AgencyQueries agencies) : PageModel
{
    [BindProperty] public QuestionSubmission Input { get; set; } = new();
    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty] public string? Website { get; set; }
    public SubmittedCase? Submitted { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await agencies.AllAsync(includeInactive: false, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        if (!string.IsNullOrEmpty(Website))
        {
            ModelState.AddModelError("", "Không gửi được: biểu mẫu có dấu hiệu gửi tự động. Nếu bạn là người gửi thật, hãy để trống ô cuối cùng và gửi lại; nội dung của bạn vẫn được giữ bên dưới.");
            return Invalid();
        }
        var result = await questions.SubmitAsync(Input, ct: ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors.All) ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
            return Invalid();
        }
        Submitted = result.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
