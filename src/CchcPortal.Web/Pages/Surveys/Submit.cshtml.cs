using CchcPortal.Core.Agencies;
using CchcPortal.Core.AntiSpam;
using CchcPortal.Core.Data;
using CchcPortal.Core.Surveys;
using CchcPortal.Web.Features.Surveys;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Pages.Surveys;

/// <summary>
/// The survey form: the question form's anti-spam checks and rate limit, then one response per device per agency per
/// day (409), then the ratings (422 with the choices kept); saved, the browser is sent (303) to the thanks page.
/// </summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
[StripsNulFromForm]
public sealed class SubmitModel(SurveyService surveys, AgencyQueries agencies, PortalDbContext db, AntiSpamGuard guard, HumanQuestion humanQuestion) : PageModel
{
    public const string AlreadyRated =
        "Thiết bị này đã gửi đánh giá về cơ quan này hôm nay. Mỗi thiết bị chỉ gửi một phiếu cho một cơ quan trong một ngày; bạn có thể đánh giá lại từ ngày mai.";

    [BindProperty] public SurveySubmission Input { get; set; } = new();
    [BindProperty] public string? Website { get; set; }
    [BindProperty(Name = "altcha")] public string? Altcha { get; set; }
    [BindProperty] public string? CheckToken { get; set; }
    [BindProperty] public string? CheckAnswer { get; set; }

    public bool CheckChanged { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public HumanQuestionPrompt Check { get; private set; } = null!;
    /// <summary>The procedure named in the link (?thu-tuc=), shown by name.</summary>
    public (string Code, string Name)? LinkedProcedure { get; private set; }
    /// <summary>The chosen agency's procedures, offered as the browser's own suggestions (a datalist: no JavaScript needed).</summary>
    public IReadOnlyList<string> ProcedureNames { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "co-quan")] string? agencySlug, [FromQuery(Name = "thu-tuc")] string? procedureCode, CancellationToken ct)
    {
        await LoadAsync(ct);
        var procedure = string.IsNullOrWhiteSpace(procedureCode) ? null
            : await db.Procedures.AsNoTracking().Where(p => p.Code == procedureCode.Trim())
                .Select(p => new { p.Code, p.Name, Agencies = p.AgencyLinks.Select(l => l.AgencyId).ToList() }).FirstOrDefaultAsync(ct);
        if (procedure is not null)
        {
            LinkedProcedure = (procedure.Code, procedure.Name);
            Input.Procedure = procedure.Code;
        }
        Input.AgencyId = Agencies.FirstOrDefault(a => a.Slug == agencySlug)?.Id
                         ?? (procedure?.Agencies.Count == 1 ? Agencies.FirstOrDefault(a => a.Id == procedure.Agencies[0])?.Id : null);
        await LoadProcedureNamesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A value that does not bind ("abc" for a rating) reaches the validation as missing, with its Vietnamese message.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Input) + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (guard.Check(new AntiSpamInput(Website, Altcha, CheckToken, CheckAnswer)) is { } rejected)
        {
            ModelState.AddModelError(rejected.AboutQuestion ? nameof(CheckAnswer) : "", rejected.Message);
            return await RefusedAsync(StatusCodes.Status422UnprocessableEntity, ct);
        }
        if (Input.AgencyId is { } agencyId && SurveyDeviceCookie.RatedToday(HttpContext, agencyId))
        {
            ModelState.AddModelError(nameof(Input) + "." + nameof(Input.AgencyId), AlreadyRated);
            return await RefusedAsync(StatusCodes.Status409Conflict, ct);
        }
        var result = await surveys.SubmitAsync(Input, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors.All) ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
            return await RefusedAsync(StatusCodes.Status422UnprocessableEntity, ct);
        }
        SurveyDeviceCookie.Add(HttpContext, result.Value!.AgencyId);
        Response.Headers.CacheControl = "no-store";
        var slug = Agencies.First(a => a.Id == result.Value.AgencyId).Slug;
        Response.Headers.Location = SurveyPaths.Thanks + "?co-quan=" + Uri.EscapeDataString(slug);
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        Check = humanQuestion.Issue();
    }

    private async Task LoadProcedureNamesAsync(CancellationToken ct)
    {
        if (Input.AgencyId is not { } agencyId) return;
        ProcedureNames = await db.Procedures.AsNoTracking().Where(p => p.AgencyLinks.Any(l => l.AgencyId == agencyId))
            .OrderBy(p => p.Name).Select(p => p.Name).Take(500).ToListAsync(ct);
    }

    private async Task<PageResult> RefusedAsync(int status, CancellationToken ct)
    {
        await LoadProcedureNamesAsync(ct);
        CheckChanged = true;
        Response.StatusCode = status;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
