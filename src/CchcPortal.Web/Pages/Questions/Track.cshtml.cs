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
public sealed class TrackModel(QuestionService questions, TrackedAnswers answers, AnswerFileService answerFiles, CaseAttachmentStore store) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Secret { get; set; }
    [BindProperty] public string? Text { get; set; }
    public string? Done { get; private set; }
    public QuestionCase? Case { get; private set; }
    public MergedInto? Original { get; private set; }
    public TrackedAnswer? Answer { get; private set; }
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
    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => ActAsync(CaseAction.Withdraw, "Đã rút hồ sơ.", ct);

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
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Case = await questions.TrackAsync(Code, Secret, ct);
        if (Case is not null)
        {
            Original = await questions.MergedIntoAsync(Case, ct);
            Answer = await answers.ForAsync(Case, ct);
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
            ModelState.AddModelError("", "Mã hồ sơ hoặc mã bí mật không đúng. Vui lòng kiểm tra lại.");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
