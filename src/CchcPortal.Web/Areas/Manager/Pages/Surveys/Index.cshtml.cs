using CchcPortal.Core.Surveys;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.Surveys;

/// <summary>The moderators' queues: comments to approve, responses flagged as part of a burst.</summary>
public sealed class IndexModel(SurveyModeration moderation) : ManagerPageModel
{
    public IReadOnlyList<SurveyQueueItem> Comments { get; private set; } = [];
    public IReadOnlyList<SurveyQueueItem> Flagged { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Comments = await moderation.PendingCommentsAsync(ct);
        Flagged = await moderation.FlaggedAsync(ct);
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, bool approve, CancellationToken ct)
    {
        if (!await moderation.ReviewCommentAsync(id, approve, ct)) return NotFound();
        Flash(approve ? "Đã duyệt góp ý; góp ý được công khai trên trang kết quả." : "Đã không duyệt góp ý; góp ý không được công khai.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFlaggedAsync(int id, bool accept, CancellationToken ct)
    {
        if (!await moderation.ReviewFlaggedAsync(id, accept, ct)) return NotFound();
        Flash(accept ? "Đã chấp nhận phiếu; phiếu được tính vào kết quả." : "Đã loại phiếu khỏi kết quả.");
        return RedirectToPage();
    }
}
