using System.Text.RegularExpressions;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.PageFeedback;

/// <summary>Records votes and the optional note after "Không"; editors mark notes handled.</summary>
public sealed partial class PageFeedbackService(PortalDbContext db, TimeProvider time)
{
    public const int MaxComment = 500;
    public const string NoPageMessage = "Không tìm thấy trang được góp ý.";

    [GeneratedRegex(@"https?://|www\.|\b[\w-]+\.(?:com|net|org|vn|info|xyz|top|io)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LinkLike();

    /// <summary>Today in Vietnam: the day a vote is counted on, and the day the device limit resets.</summary>
    public DateOnly Today => DateOnly.FromDateTime(VnFormat.ToLocal(time.GetUtcNow().UtcDateTime));

    /// <summary>A vote on <paramref name="path"/>; <paramref name="answer"/> is "co" or "khong" (the buttons' values).</summary>
    public async Task<OperationResult<PageVote>> VoteAsync(string? path, string? answer, CancellationToken ct = default)
    {
        var e = new ValidationErrors();
        bool? helpful = answer switch { "co" => true, "khong" => false, _ => null };
        if (helpful is null) e.Add("huu-ich", "Vui lòng chọn “Có” hoặc “Không”.");
        if (!FeedbackPath.IsValid(path)) e.Add("duong-dan", FeedbackPath.InvalidMessage);
        if (e.Any) return OperationResult<PageVote>.Invalid(e);

        var vote = new PageVote { Path = path!, Helpful = helpful!.Value, Day = Today };
        if (FeedbackPath.Item(vote.Path) is { } item)
        {
            if (await FindItemIdAsync(item.Kind, item.Slug, ct) is not { } id) return OperationResult<PageVote>.Fail("duong-dan", NoPageMessage);
            (vote.Kind, vote.ItemId) = (item.Kind, id);
        }
        db.Set<PageVote>().Add(vote);
        await db.SaveChangesAsync(ct);
        return OperationResult<PageVote>.Ok(vote);
    }

    /// <summary>
    /// What was missing, added once to a "Không" vote. Checked like question text (length, no links) and with the
    /// same first redaction of personal data (phone, e-mail, ID numbers, addresses) before it is stored.
    /// </summary>
    public async Task<OperationResult<PageVote>> CommentAsync(int voteId, string? text, CancellationToken ct = default)
    {
        var comment = VietnameseText.Normalize(text);
        var e = new ValidationErrors();
        if (comment.Length == 0) e.Add("gop-y", "Vui lòng ghi trang còn thiếu gì (hoặc bỏ qua bước này).");
        else if (e.MaxLength("gop-y", comment, MaxComment, "Góp ý") && LinkLike().IsMatch(comment))
            e.Add("gop-y", "Góp ý không được chứa đường dẫn hay địa chỉ trang web.");
        if (e.Any) return OperationResult<PageVote>.Invalid(e);

        var vote = await db.Set<PageVote>().SingleOrDefaultAsync(v => v.Id == voteId, ct);
        if (vote is null || vote.Helpful) return OperationResult<PageVote>.Missing();
        if (vote.Comment is not null) return OperationResult<PageVote>.Fail("gop-y", "Góp ý cho lượt đánh giá này đã được ghi nhận.");
        vote.Comment = PersonalDataScan.Redact(comment);
        await db.SaveChangesAsync(ct);
        return OperationResult<PageVote>.Ok(vote);
    }

    public async Task<bool> MarkHandledAsync(int voteId, string by, CancellationToken ct = default)
    {
        var vote = await db.Set<PageVote>().SingleOrDefaultAsync(v => v.Id == voteId && v.Comment != null, ct);
        if (vote is null) return false;
        if (vote.HandledAt is null)
        {
            (vote.HandledAt, vote.HandledBy) = (time.GetUtcNow().UtcDateTime, by);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    private Task<int?> FindItemIdAsync(string kind, string slug, CancellationToken ct) => kind switch
    {
        ContentKinds.Procedure => db.Procedures.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct),
        ContentKinds.News => db.Posts.Where(p => p.Slug == slug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct),
        ContentKinds.Document => db.Documents.Where(d => d.Slug == slug).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct),
        _ => db.Agencies.Where(a => a.Slug == slug).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct),
    };
}
