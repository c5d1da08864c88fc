using CchcPortal.Core.Common;
using CchcPortal.Core.Contests;
using CchcPortal.Web.Features.Contests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Contests;

/// <summary>A contest: its rules, the registration form, and the button that starts (or resumes) an attempt.</summary>
[EnableRateLimiting(ContestPolicies.PostLimit)]
public sealed class ContestModel(ContestParticipation participation, ContestDevice device, MarkdownRenderer markdown, TimeProvider time) : PageModel
{
    [BindProperty] public RegistrationInput Input { get; set; } = new();

    public Contest Contest { get; private set; } = null!;
    public string RulesHtml { get; private set; } = "";
    public ContestParticipant? Participant { get; private set; }
    public IReadOnlyList<ContestAttempt> Attempts { get; private set; } = [];
    public DateTime Now { get; private set; }
    public ContestAttempt? OpenAttempt => Attempts.FirstOrDefault(a => !a.IsFinished && a.Deadline + ContestLimits.Grace >= Now);
    public bool CanStart => Contest.IsOpenAt(Now) && (OpenAttempt is not null || Attempts.Count < Contest.AttemptsPerPerson);

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Now = time.GetUtcNow().UtcDateTime;
        if (await participation.PublishedAsync(slug, ct) is not { } contest) return false;
        Contest = contest;
        RulesHtml = markdown.ToHtml(contest.RulesMarkdown);
        Participant = await participation.ParticipantAsync(contest.Id, device.Read(HttpContext), ct);
        if (Participant is not null)
        {
            await participation.CloseExpiredAsync(contest.Id, Participant.Id, ct);
            Attempts = await participation.AttemptsAsync(Participant.Id, ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        var result = await participation.RegisterAsync(Contest, Input, device.Ensure(HttpContext), ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors.All) ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
            return Refused();
        }
        return SeeOther(ContestPaths.Contest(slug) + "#bat-dau");
    }

    public async Task<IActionResult> OnPostStartAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct)) return NotFound();
        if (Participant is null)
        {
            ModelState.AddModelError("", "Vui lòng đăng ký dự thi trước khi bắt đầu làm bài.");
            return Refused();
        }
        var result = await participation.StartAsync(Contest, Participant, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Errors.All[0].Value);
            return Refused();
        }
        return SeeOther(ContestPaths.Attempt(slug, result.Value!.Token));
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private StatusCodeResult SeeOther(string path)
    {
        Response.Headers.Location = path;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
