using CchcPortal.Core.Agencies;
using CchcPortal.Core.AntiSpam;
using CchcPortal.Core.Common;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Features.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Questions;

/// <summary>
/// The public submission form. Anti-spam first (honeypot, then the ALTCHA proof of work or, without JavaScript,
/// the printed question), then the case is saved before the response, and the browser is sent (post/redirect/get)
/// to the receipt, which a reload shows again instead of posting the form twice.
/// </summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
[StripsNulFromForm]
// Generous at the transport level so that our own, smaller limits answer with a message and the text kept.
[RequestSizeLimit(40 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 40 * 1024 * 1024)]
public sealed class SubmitModel(QuestionService questions, AgencyQueries agencies, CaseAttachmentStore attachments, AntiSpamGuard guard, HumanQuestion humanQuestion,
    RelatedProcedures procedures) : PageModel
{
    [BindProperty] public QuestionSubmission Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Attachments { get; set; } = [];
    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty] public string? Website { get; set; }
    /// <summary>The base64 JSON payload the ALTCHA widget adds to the form.</summary>
    [BindProperty(Name = "altcha")] public string? Altcha { get; set; }
    [BindProperty] public string? CheckToken { get; set; }
    [BindProperty] public string? CheckAnswer { get; set; }

    /// <summary>A refused post: the printed question on the page is a new one (each is single-use).</summary>
    public bool CheckChanged { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    /// <summary>The question for browsers without JavaScript: a fresh one on every render (each is single-use).</summary>
    public HumanQuestionPrompt Check { get; private set; } = null!;
    /// <summary>The procedure the citizen started from ("Hỏi về thủ tục này"); an unknown code is ignored.</summary>
    public RelatedProcedure? Procedure { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "thu-tuc")] string? procedureCode, CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        Check = humanQuestion.Issue();
        await LoadProcedureAsync(procedureCode, ct);
    }

    private async Task LoadProcedureAsync(string? code, CancellationToken ct)
    {
        Procedure = await procedures.ByCodeAsync(code, ct);
        Input.ProcedureCode = Procedure?.Code;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        Check = humanQuestion.Issue();
        await LoadProcedureAsync(Input.ProcedureCode, ct);
        if (guard.Check(new AntiSpamInput(Website, Altcha, CheckToken, CheckAnswer)) is { } rejected)
        {
            ModelState.AddModelError(rejected.AboutQuestion ? nameof(CheckAnswer) : "", rejected.Message);
            return Invalid();
        }
        // Everything is checked before a file is written, so a refused form leaves nothing on disk.
        var (files, fileErrors) = await attachments.CheckAsync(Attachments, ct);
        var inputErrors = await questions.ValidateAsync(Input, ct: ct);
        if (fileErrors.Any || inputErrors.Any)
        {
            foreach (var (field, message) in fileErrors.All.Concat(inputErrors.All)) AddError(field, message);
            return Invalid();
        }
        var stored = await attachments.WriteAsync(files, ct);
        var result = await questions.SubmitAsync(Input, attachments: stored, ct: ct);
        if (!result.Succeeded)
        {
            // Only what changed since the check above (an agency closed meanwhile); a crash here is swept at start-up.
            attachments.Delete(stored);
            foreach (var (field, message) in result.Errors.All) AddError(field, message);
            return Invalid();
        }
        ReceiptCookie.Write(HttpContext, result.Value!.Code, result.Value.Secret);
        Response.Headers.CacheControl = "no-store";
        // 303: the browser GETs the receipt, so a reload never posts the form (and its used proof of work) again.
        Response.Headers.Location = PublicPaths.QuestionReceipt;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private void AddError(string field, string message) =>
        ModelState.AddModelError(field switch { "" => "", nameof(Attachments) => nameof(Attachments), _ => "Input." + field }, message);

    private PageResult Invalid()
    {
        // Browsers never re-send a chosen file: say so when there were any.
        if (Attachments.Any(f => f.Length > 0)) ModelState.AddModelError(nameof(Attachments), "Vui lòng chọn lại tệp đính kèm trước khi gửi lại.");
        CheckChanged = true;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
