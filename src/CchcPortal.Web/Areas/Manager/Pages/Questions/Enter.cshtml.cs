using CchcPortal.Core.Directory;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Questions;

/// <summary>Cases received by phone, letter, the hotline or the TV/radio programme, entered by staff with their channel.</summary>
public sealed class EnterModel(QuestionService questions, AgencyQueries agencies) : ManagerPageModel
{
    public static readonly IReadOnlyList<(string Code, string Name)> Channels =
        [("phone", "Điện thoại"), ("hotline", "Đường dây nóng"), ("letter", "Thư, văn bản"), ("email", "Thư điện tử"), ("tv-program", "Chương trình “Dân hỏi – Thủ trưởng trả lời”"), ("in-person", "Trực tiếp")];

    [BindProperty] public QuestionSubmission Input { get; set; } = new();
    [BindProperty] public string Channel { get; set; } = "phone";
    public SubmittedCase? Submitted { get; private set; }
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await agencies.AllAsync(includeInactive: false, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await agencies.AllAsync(includeInactive: false, ct);
        if (Channels.All(c => c.Code != Channel)) ModelState.AddModelError(nameof(Channel), "Vui lòng chọn kênh tiếp nhận.");
        else
        {
            var result = await questions.SubmitAsync(Input, Channel, ct: ct);
            if (result.Succeeded) { Submitted = result.Value; return Page(); }
            AddErrors(result.Errors, "Input.");
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
