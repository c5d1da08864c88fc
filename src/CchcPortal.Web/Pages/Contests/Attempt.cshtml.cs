using System.Globalization;
using CchcPortal.Core.Contests;
using CchcPortal.Web.Features.Contests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Contests;

/// <summary>
/// The answer sheet: every drawn question in one form (radio buttons named q{id}), so it works without JavaScript;
/// contest.js turns it into one question per screen with a countdown and saves each choice as it is made.
/// The questions, their order and the deadline come from the attempt stored at its start: a reload changes none.
/// </summary>
[EnableRateLimiting(ContestPolicies.PostLimit)]
public sealed class AttemptModel(ContestParticipation participation, ContestVisitor visitor, TimeProvider time) : PageModel
{
    public AttemptSheet Sheet { get; private set; } = null!;
    public int SecondsLeft { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string token, [FromQuery(Name = "da-luu")] bool saved, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await visitor.ParticipantAsync(HttpContext, slug, ct) is not { } participant) return NotFound();
        if (await participation.SheetAsync(token, participant.Id, ct) is not { } sheet)
            // Ended (submitted, or its time is up): the result; not this participant's: nothing.
            return await participation.ResultAsync(token, participant.Id, ct) is null ? NotFound() : SeeOther(ContestPaths.Result(slug, token));
        Sheet = sheet;
        Saved = saved;
        SecondsLeft = Math.Max(0, (int)Math.Ceiling((sheet.Attempt.Deadline - time.GetUtcNow().UtcDateTime).TotalSeconds));
        return Page();
    }

    /// <summary>"Nộp bài": saves the choices of the form that arrive in time, scores and shows the result.</summary>
    public async Task<IActionResult> OnPostAsync(string slug, string token, CancellationToken ct)
    {
        if (await visitor.ParticipantAsync(HttpContext, slug, ct) is not { } participant) return NotFound();
        var attempt = await participation.SubmitAsync(token, participant.Id, ChoicesOfForm(), ct);
        return attempt is null ? NotFound() : SeeOther(ContestPaths.Result(slug, token));
    }

    /// <summary>"Lưu tạm" without JavaScript: keeps the choices and comes back to the sheet.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string slug, string token, CancellationToken ct)
    {
        if (await visitor.ParticipantAsync(HttpContext, slug, ct) is not { } participant) return NotFound();
        var outcomes = new List<AnswerSaveOutcome>();
        foreach (var (questionId, option) in ChoicesOfForm())
            outcomes.Add(await participation.SaveAnswerAsync(token, participant.Id, questionId, option, ct));
        if (outcomes.Contains(AnswerSaveOutcome.NotFound)) return NotFound();
        return SeeOther(outcomes.Contains(AnswerSaveOutcome.TooLate) ? ContestPaths.Result(slug, token) : ContestPaths.Attempt(slug, token) + "?da-luu=true");
    }

    private Dictionary<int, string> ChoicesOfForm()
    {
        var choices = new Dictionary<int, string>();
        foreach (var (key, value) in Request.Form)
            if (key.StartsWith('q') && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                choices[id] = value.ToString();
        return choices;
    }

    private StatusCodeResult SeeOther(string path)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Location = path;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
