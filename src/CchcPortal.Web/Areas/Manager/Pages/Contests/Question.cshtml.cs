using CchcPortal.Core.Contests;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Contests;

public sealed class QuestionModel(ContestService contests) : ManagerPageModel
{
    [BindProperty] public QuestionInput Input { get; set; } = new();
    public Contest Contest { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? questionId, CancellationToken ct)
    {
        if (await contests.FindAsync(id, ct) is not { } contest) return NotFound();
        Contest = contest;
        if (questionId is { } qid)
        {
            if (await contests.QuestionAsync(id, qid, ct) is not { } question) return NotFound();
            Input = QuestionInput.From(question);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? questionId, CancellationToken ct)
    {
        var result = await contests.SaveQuestionAsync(id, questionId, Input, ct);
        if (result.NotFound) return NotFound();
        if (!result.Succeeded)
        {
            Contest = (await contests.FindAsync(id, ct))!;
            AddErrors(result.Errors, "Input.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Flash($"Đã lưu câu hỏi {result.Value!.Id}.");
        return Redirect($"/quan-tri/cuoc-thi/{id}/cau-hoi");
    }
}
