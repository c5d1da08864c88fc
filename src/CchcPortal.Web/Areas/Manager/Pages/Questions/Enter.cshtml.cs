using CchcPortal.Core.Agencies;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Areas.Manager.Pages.Questions;

/// <summary>Cases received by phone, letter, the hotline or the TV/radio programme, entered by staff with their channel.</summary>
public sealed class EnterModel(QuestionService questions, AgencyQueries agencies, ProgrammeEpisodeQueries episodes, PortalDbContext db, AuditLog audit)
    : ManagerPageModel
{
    public static readonly IReadOnlyList<(string Code, string Name)> Channels =
        [("phone", "Điện thoại"), ("hotline", "Đường dây nóng"), ("letter", "Thư, văn bản"), ("email", "Thư điện tử"), (QuestionService.ProgrammeChannel, "Chương trình “Dân hỏi – Thủ trưởng trả lời”"), ("in-person", "Trực tiếp")];

    [BindProperty] public QuestionSubmission Input { get; set; } = new();
    [BindProperty] public string Channel { get; set; } = "phone";
    /// <summary>The episode the case came in, used only when <see cref="Channel"/> is the programme.</summary>
    [BindProperty] public int? EpisodeId { get; set; }
    public IReadOnlyList<(int Id, string Label)> Episodes { get; private set; } = [];
    public SubmittedCase? Submitted { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadListsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        if (Channels.All(c => c.Code != Channel)) ModelState.AddModelError(nameof(Channel), "Vui lòng chọn kênh tiếp nhận.");
        else
        {
            var result = await questions.SubmitAsync(Input, Channel, episodeId: EpisodeId, ct: ct);
            if (result.Succeeded)
            {
                var submitted = result.Value!;
                Submitted = submitted;
                var caseId = await db.QuestionCases.Where(c => c.Code == submitted.Code).Select(c => c.Id).FirstAsync(ct);
                await audit.RecordAsync(AuditActions.CaseEntered, $"QuestionCase:{caseId}",
                    $"Nhập hồ sơ {submitted.Code} nhận qua kênh “{Channels.First(c => c.Code == Channel).Name}”", ct: ct);
                return Page();
            }
            foreach (var (field, message) in result.Errors.All)
                ModelState.AddModelError(field == nameof(EpisodeId) ? field : field.Length == 0 ? "" : "Input." + field, message);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        Episodes = await episodes.ChoicesAsync(ct: ct);
    }
}
