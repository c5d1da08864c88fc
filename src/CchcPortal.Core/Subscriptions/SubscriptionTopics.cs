using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Subscriptions;

/// <summary>A topic as people see it: what it is called and where its public page is.</summary>
public sealed record TopicInfo(TopicKind Kind, int Id, string Name, string Path)
{
    public string KindText => SubscriptionTopics.KindText(Kind);
}

/// <summary>The topics one can follow and their names (the URL names of the kinds: chuyen-muc, co-quan, thu-tuc).</summary>
public sealed class SubscriptionTopics(PortalDbContext db)
{
    public static string Slug(TopicKind kind) => kind switch
    {
        TopicKind.NewsCategory => "chuyen-muc",
        TopicKind.AgencyAnswers => "co-quan",
        _ => "thu-tuc",
    };

    public static TopicKind? Parse(string? slug) => slug switch
    {
        "chuyen-muc" => TopicKind.NewsCategory,
        "co-quan" => TopicKind.AgencyAnswers,
        "thu-tuc" => TopicKind.Procedure,
        _ => null,
    };

    public static string KindText(TopicKind kind) => kind switch
    {
        TopicKind.NewsCategory => "Chuyên mục tin tức",
        TopicKind.AgencyAnswers => "Câu trả lời của cơ quan (Dân hỏi – Thủ trưởng trả lời)",
        _ => "Thủ tục hành chính (sửa đổi, thay thế, bãi bỏ)",
    };

    /// <summary>The topic, or null when it does not exist (or an agency has closed).</summary>
    public async Task<TopicInfo?> FindAsync(TopicKind kind, int id, CancellationToken ct = default) =>
        (await NamesAsync([(kind, id)], ct)).GetValueOrDefault((kind, id));

    /// <summary>Names of several topics in three queries at most.</summary>
    public async Task<Dictionary<(TopicKind, int), TopicInfo>> NamesAsync(IEnumerable<(TopicKind Kind, int Id)> topics, CancellationToken ct = default)
    {
        var list = topics.Distinct().ToList();
        var result = new Dictionary<(TopicKind, int), TopicInfo>();
        var categoryIds = list.Where(t => t.Kind == TopicKind.NewsCategory).Select(t => t.Id).ToList();
        if (categoryIds.Count > 0)
            foreach (var c in await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Slug }).ToListAsync(ct))
                result[(TopicKind.NewsCategory, c.Id)] = new(TopicKind.NewsCategory, c.Id, c.Name, PublicPaths.Category(c.Slug));
        var agencyIds = list.Where(t => t.Kind == TopicKind.AgencyAnswers).Select(t => t.Id).ToList();
        if (agencyIds.Count > 0)
            foreach (var a in await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) && a.IsActive).Select(a => new { a.Id, a.Name, a.Slug }).ToListAsync(ct))
                result[(TopicKind.AgencyAnswers, a.Id)] = new(TopicKind.AgencyAnswers, a.Id, a.Name, PublicPaths.Agency(a.Slug));
        var procedureIds = list.Where(t => t.Kind == TopicKind.Procedure).Select(t => t.Id).ToList();
        if (procedureIds.Count > 0)
            foreach (var p in await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Slug }).ToListAsync(ct))
                result[(TopicKind.Procedure, p.Id)] = new(TopicKind.Procedure, p.Id, p.Name, PublicPaths.Procedure(p.Slug));
        return result;
    }

    /// <summary>What /theo-doi lists: every news category and every active agency (procedures are followed from their page).</summary>
    public async Task<(IReadOnlyList<TopicInfo> Categories, IReadOnlyList<TopicInfo> Agencies)> ListAsync(CancellationToken ct = default)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Slug }).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && !a.IsSampleData).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Slug }).ToListAsync(ct);
        return (categories.Select(c => new TopicInfo(TopicKind.NewsCategory, c.Id, c.Name, PublicPaths.Category(c.Slug))).ToList(),
            agencies.Select(a => new TopicInfo(TopicKind.AgencyAnswers, a.Id, a.Name, PublicPaths.Agency(a.Slug))).ToList());
    }
}
