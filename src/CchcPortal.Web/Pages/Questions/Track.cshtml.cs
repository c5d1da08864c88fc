using CchcPortal.Core.Questions;
using CchcPortal.Web.Features.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Questions;

/// <summary>
/// Code + secret → the case's status, history and, once answered, the answer. A wrong pair reveals nothing and is
/// rate-limited. The e-mails link here with the code (?ma=); the secret is only ever posted.
/// </summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
public sealed class TrackModel(QuestionService questions, TrackedAnswers answers, CaseHistory history, AnswerFileService answerFiles, CaseAttachmentStore store)
    : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public string? Text { get; set; }
    public string? Done { get; private set; }
    public QuestionCase? Case { get; private set; }
    public MergedInto? Original { get; private set; }
    public TrackedAnswer? Answer { get; private set; }
    public IReadOnlyList<PublicCaseStep> Steps { get; private set; } = [];
    /// <summary>"Rút hồ sơ" was pressed: the page asks to confirm (with an optional reason) before anything changes.</summary>
    public bool ConfirmingWithdraw { get; private set; }
    public bool CanWithdraw => Case is { } c && CaseWorkflow.Next(c.Status, CaseAction.Withdraw, CaseActor.Citizen).To is not null;
    /// <summary>The files the agency sent with its answer: downloaded only by a POST carrying code and secret.</summary>
    public IReadOnlyList<CaseAttachment> AnswerFiles { get; private set; } = [];

    public void OnGet(string? ma)
    {
        var code = ma?.Trim() ?? "";
        if (code.Length is > 0 and <= MaxCodeLength) Code = code;
        Response.Headers.CacheControl = "no-store";
    }

    private const int MaxCodeLength = 32;

    public Task<IActionResult> OnPostProvideAsync(CancellationToken ct) => ActAsync(CaseAction.ProvideInformation, "Đã gửi thông tin bổ sung.", ct);
    public Task<IActionResult> OnPostConfirmWithdrawAsync(CancellationToken ct) => ActAsync(CaseAction.Withdraw, "Đã rút hồ sơ.", ct);

    /// <summary>The first press changes nothing: it checks the code and secret again and shows the confirmation form.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Case is null) ModelState.AddModelError("", WrongPair);
        else if (CaseWorkflow.Next(Case.Status, CaseAction.Withdraw, CaseActor.Citizen).Refusal is { } refusal) ModelState.AddModelError("", refusal);
        else
        {
            ConfirmingWithdraw = true;
            return Page();
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private const string WrongPair = "Mã hồ sơ hoặc mã bí mật không đúng. Vui lòng kiểm tra lại.";

    private async Task<IActionResult> ActAsync(CaseAction action, string done, CancellationToken ct)
    {
        var result = await questions.CitizenActAsync(Code, Secret, action, Text, ct);
        if (!result.Succeeded)
        {
            foreach (var (_, message) in result.Errors.All) ModelState.AddModelError("", message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else Done = done;
        await LoadAsync(ct);
        // A refused confirmation (reason too long) asks again, with the reason as typed.
        ConfirmingWithdraw = action == CaseAction.Withdraw && !result.Succeeded && CanWithdraw;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Case = await questions.TrackAsync(Code, Secret, ct);
        if (Case is not null)
        {
            Original = await questions.MergedIntoAsync(Case, ct);
            Answer = await answers.ForAsync(Case, ct);
            Steps = await history.PublicStepsAsync(Case, ct);
            AnswerFiles = await answerFiles.ForTrackedAsync(Case, ct);
        }
        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>One file of the answer; code and secret are checked again on every download (no guessable URL).</summary>
    public async Task<IActionResult> OnPostFileAsync(int attachmentId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Case is not null && AnswerFiles.FirstOrDefault(a => a.Id == attachmentId) is { } row && store.Open(row) is { } stream)
            return File(stream, row.ContentType, row.FileName);
        ModelState.AddModelError("", Case is null ? "Mã hồ sơ hoặc mã bí mật không đúng. Vui lòng kiểm tra lại." : "Không tìm thấy tệp này.");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Case is null)
        {
            ModelState.AddModelError("", WrongPair);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
