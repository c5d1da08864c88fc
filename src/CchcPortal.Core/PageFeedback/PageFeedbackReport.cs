using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.PageFeedback;

public enum FeedbackSort { WorstShare = 0, MostVotes = 1 }

/// <summary>
/// Which votes the report counts: a kind ("page" for pages that show no single item, null for all), a period of days
/// (inclusive, Vietnam time) and the fewest votes a row needs to be listed.
/// </summary>
public sealed record FeedbackFilter(string? Kind = null, DateOnly? From = null, DateOnly? To = null, int MinVotes = 1, FeedbackSort Sort = FeedbackSort.WorstShare)
{
    public const string PageKind = "page";
}

/// <summary>One page, or one item (all the paths it was voted on), with its votes in the period.</summary>
public sealed record FeedbackRow(string? Kind, int? ItemId, string Path, string Title, int Votes, int Yes, int Comments, int OpenComments)
{
    /// <summary>The share of "Có", 0..1.</summary>
    public double YesShare => Votes == 0 ? 0 : (double)Yes / Votes;
}

/// <summary>A note left after "Không", for editors only.</summary>
public sealed record FeedbackComment(int Id, string Path, string? Kind, int? ItemId, DateOnly Day, string Text, DateTime? HandledAt, string? HandledBy);

/// <summary>What notes to list: one page or item, or all; open ones only or all; newest first.</summary>
public sealed record CommentFilter(string? Kind = null, int? ItemId = null, string? Path = null, bool OpenOnly = false);

/// <summary>
/// The editors' report: the share of "Có" per page and per item, worst first (or most voted), and the notes newest
/// first. Votes of one item are counted together whatever path they came from; other pages are counted per path.
/// </summary>
public sealed class PageFeedbackReport(PortalDbContext db)
{
    public static readonly string[] Kinds = [ContentKinds.Procedure, ContentKinds.News, ContentKinds.Document, ContentKinds.Agency, FeedbackFilter.PageKind];

    public static string KindText(string? kind) => kind switch
    {
        ContentKinds.Procedure => "Thủ tục hành chính",
        ContentKinds.News => "Tin bài",
        ContentKinds.Document => "Văn bản",
        ContentKinds.Agency => "Cơ quan",
        _ => "Trang khác",
    };

    public async Task<IReadOnlyList<FeedbackRow>> RowsAsync(FeedbackFilter filter, CancellationToken ct = default)
    {
        var votes = InPeriod(filter.From, filter.To);
        if (filter.Kind == FeedbackFilter.PageKind) votes = votes.Where(v => v.ItemId == null);
        else if (filter.Kind is { } kind) votes = votes.Where(v => v.Kind == kind);
        var min = Math.Max(1, filter.MinVotes);

        var perItem = await votes.Where(v => v.ItemId != null)
            .GroupBy(v => new { v.Kind, v.ItemId })
            .Where(g => g.Count() >= min)
            .Select(g => new FeedbackRow(g.Key.Kind, g.Key.ItemId, g.Max(v => v.Path)!, "", g.Count(), g.Count(v => v.Helpful),
                g.Count(v => v.Comment != null), g.Count(v => v.Comment != null && v.HandledAt == null)))
            .ToListAsync(ct);
        var perPath = await votes.Where(v => v.ItemId == null)
            .GroupBy(v => v.Path)
            .Where(g => g.Count() >= min)
            .Select(g => new FeedbackRow(null, null, g.Key, "", g.Count(), g.Count(v => v.Helpful),
                g.Count(v => v.Comment != null), g.Count(v => v.Comment != null && v.HandledAt == null)))
            .ToListAsync(ct);

        var titles = await TitlesAsync(perItem, ct);
        var rows = perItem.Select(r => titles.TryGetValue((r.Kind!, r.ItemId!.Value), out var item) ? r with { Title = item.Title, Path = item.Path } : r with { Title = r.Path })
            .Concat(perPath.Select(r => r with { Title = r.Path }));
        return (filter.Sort == FeedbackSort.MostVotes
                ? rows.OrderByDescending(r => r.Votes).ThenBy(r => r.YesShare)
                : rows.OrderBy(r => r.YesShare).ThenByDescending(r => r.Votes))
            .ThenBy(r => r.Path, StringComparer.Ordinal).ToList();
    }

    public async Task<PagedResult<FeedbackComment>> CommentsAsync(CommentFilter filter, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var q = db.Set<PageVote>().AsNoTracking().Where(v => v.Comment != null);
        if (filter.ItemId is { } id) q = q.Where(v => v.Kind == filter.Kind && v.ItemId == id);
        else if (filter.Path is { Length: > 0 } path) q = q.Where(v => v.Path == path && v.ItemId == null);
        if (filter.OpenOnly) q = q.Where(v => v.HandledAt == null);
        var total = await q.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await q.OrderByDescending(v => v.Day).ThenByDescending(v => v.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(v => new FeedbackComment(v.Id, v.Path, v.Kind, v.ItemId, v.Day, v.Comment!, v.HandledAt, v.HandledBy))
            .ToListAsync(ct);
        return new PagedResult<FeedbackComment>(items, page, pageSize, total);
    }

    /// <summary>The title of one item, for the heading of its notes.</summary>
    public async Task<string?> TitleAsync(string kind, int id, CancellationToken ct = default) =>
        (await TitlesAsync([new FeedbackRow(kind, id, "", "", 0, 0, 0, 0)], ct)).TryGetValue((kind, id), out var item) ? item.Title : null;

    public static readonly string[] ExportHeaders = ["Loại", "Tiêu đề", "Đường dẫn", "Số lượt", "Có", "Không", "Tỷ lệ có (%)", "Góp ý", "Góp ý chưa xử lý"];

    /// <summary>The report as CSV rows: counts only, never the notes' text.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ExportRows(IEnumerable<FeedbackRow> rows) =>
        rows.Select(r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["Loại"] = KindText(r.Kind),
            ["Tiêu đề"] = r.Title,
            ["Đường dẫn"] = r.Path,
            ["Số lượt"] = r.Votes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Có"] = r.Yes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Không"] = (r.Votes - r.Yes).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tỷ lệ có (%)"] = VnFormat.Number((decimal)(r.YesShare * 100), 1),
            ["Góp ý"] = r.Comments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Góp ý chưa xử lý"] = r.OpenComments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private IQueryable<PageVote> InPeriod(DateOnly? from, DateOnly? to)
    {
        var q = db.Set<PageVote>().AsNoTracking();
        if (from is { } f) q = q.Where(v => v.Day >= f);
        if (to is { } t) q = q.Where(v => v.Day <= t);
        return q;
    }

    /// <summary>The title and current public path of each item (a renamed slug still counts with its old votes).</summary>
    private async Task<Dictionary<(string Kind, int Id), (string Title, string Path)>> TitlesAsync(IReadOnlyList<FeedbackRow> rows, CancellationToken ct)
    {
        var titles = new Dictionary<(string, int), (string, string)>();
        foreach (var group in rows.GroupBy(r => r.Kind!))
        {
            var ids = group.Select(r => r.ItemId!.Value).Distinct().ToList();
            var found = group.Key switch
            {
                ContentKinds.Procedure => await db.Procedures.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, Title = p.Name, p.Slug }).ToListAsync(ct),
                ContentKinds.News => await db.Posts.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.Slug }).ToListAsync(ct),
                ContentKinds.Document => await db.Documents.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, Title = d.DocType + " " + d.Number + ": " + d.Summary, d.Slug }).ToListAsync(ct),
                ContentKinds.Agency => await db.Agencies.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, Title = a.Name, a.Slug }).ToListAsync(ct),
                _ => [],
            };
            foreach (var t in found) titles[(group.Key, t.Id)] = (t.Title, ItemPath(group.Key, t.Slug));
        }
        return titles;
    }

    private static string ItemPath(string kind, string slug) => kind switch
    {
        ContentKinds.Procedure => PublicPaths.Procedure(slug),
        ContentKinds.News => PublicPaths.Article(slug),
        ContentKinds.Document => PublicPaths.Document(slug),
        _ => PublicPaths.Agency(slug),
    };
}
