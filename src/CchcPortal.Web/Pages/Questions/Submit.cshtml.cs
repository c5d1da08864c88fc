using CchcPortal.Core.AntiSpam;
using CchcPortal.Core.Directory;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Questions;

/// <summary>
/// The public submission form. Anti-spam first (honeypot, then the ALTCHA proof of work or, without JavaScript,
/// the printed question), then the case is saved before the response; the confirmation shows the code and secret once.
/// </summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
public sealed class SubmitModel(QuestionService questions, AgencyQueries agencies, AntiSpamGuard guard, HumanQuestion humanQuestion) : PageModel
{
    [BindProperty] public QuestionSubmission Input { get; set; } = new();
    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty] public string? Website { get; set; }
    /// <summary>The base64 JSON payload the ALTCHA widget adds to the form.</summary>
    [BindProperty(Name = "altcha")] public string? Altcha { get; set; }
    [BindProperty] public string? CheckToken { get; set; }
    [BindProperty] public string? CheckAnswer { get; set; }

    public SubmittedCase? Submitted { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    /// <summary>The question for browsers without JavaScript: a fresh one on every render (each is single-use).</summary>
    public HumanQuestionPrompt Check { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        Check = humanQuestion.Issue();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        Check = humanQuestion.Issue();
        if (guard.Check(new AntiSpamInput(Website, Altcha, CheckToken, CheckAnswer)) is { } rejected)
        {
            ModelState.AddModelError(rejected.AboutQuestion ? nameof(CheckAnswer) : "", rejected.Message);
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
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
