using System.Globalization;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.PageFeedback;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CchcPortal.Web.Areas.Manager.Pages.PageFeedback;

/// <summary>
/// What visitors said was missing, newest first, for all pages or one page or item; each can be marked handled.
/// Notes are free text a visitor may have put personal data in (the first redaction masks the obvious), so every
/// reading is audited.
/// </summary>
public sealed class CommentsModel(PageFeedbackReport report, PageFeedbackService feedback, AuditLog log) : ManagerPageModel
{
    public const string Path = "/quan-tri/y-kien-trang/gop-y";

    [FromQuery(Name = "loai")] public string? Kind { get; set; }
    [FromQuery(Name = "id")] public int? ItemId { get; set; }
    [FromQuery(Name = "duong-dan")] public string? PagePath { get; set; }
    [FromQuery(Name = "chua-xu-ly")] public bool OpenOnly { get; set; }
    [FromQuery(Name = "trang")] public int PageNumber { get; set; } = 1;

    public PagedResult<FeedbackComment> Result { get; private set; } = null!;
    /// <summary>What the list is about: a page's title or path, or null for every page.</summary>
    public string? Subject { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (ItemId is { } id)
        {
            if (Kind is null || !PageFeedbackReport.Kinds.Contains(Kind)) return NotFound();
            Subject = await report.TitleAsync(Kind, id, ct) ?? $"{PageFeedbackReport.KindText(Kind)} số {id}";
        }
        else if (!string.IsNullOrEmpty(PagePath)) Subject = PagePath;
        Result = await report.CommentsAsync(new CommentFilter(Kind, ItemId, PagePath, OpenOnly), ListQuery.Page(PageNumber), ct: ct);
        if (Result.Items.Count > 0)
            await log.RecordAsync(AuditActions.PageCommentsViewed, Target, $"Xem {Result.Items.Count} góp ý về {(Subject is null ? "mọi trang" : $"“{Subject}”")} (trang {Result.Page})", ct: ct);
        return Page();
    }

    public async Task<IActionResult> OnPostHandledAsync(int vote, CancellationToken ct)
    {
        if (!await feedback.MarkHandledAsync(vote, ActorName, ct)) return NotFound();
        await log.RecordAsync(AuditActions.PageCommentHandled, $"PageVote:{vote}", $"Đánh dấu đã xử lý góp ý số {vote}", ct: ct);
        Flash("Đã đánh dấu góp ý là đã xử lý.");
        return Redirect(PageHref(PageNumber));
    }

    private string Target => ItemId is { } id ? $"{Kind}:{id}" : PagePath ?? "PageFeedback";

    public string PageHref(int page) => ListQuery.Url(Path, ("loai", ItemId is null ? null : Kind), ("id", ItemId?.ToString(CultureInfo.InvariantCulture)),
        ("duong-dan", PagePath), ("chua-xu-ly", OpenOnly ? "true" : null), ("trang", page.ToString(CultureInfo.InvariantCulture)));
}
