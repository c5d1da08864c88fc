using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

/// <summary>What was published under an activity: a news post or a document, with its date.</summary>
public sealed record ActivityReport(string Kind, string Title, string Url, DateOnly? Date);

public sealed record ActivityRow(PlanActivity Activity, string LeadAgencyName, string? LeadAgencySlug, IReadOnlyList<ActivityReport> Reports);

public sealed record PlanView(PropagandaPlan Plan, LegalDocument? Document, IReadOnlyList<ActivityRow> Activities);

/// <summary>The public view of the propaganda plans: per year, each plan's activities and what was done under them.</summary>
public sealed class PlanQueries(PortalDbContext db)
{
    public Task<List<int>> YearsAsync(CancellationToken ct = default) =>
        db.PropagandaPlans.AsNoTracking().Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    public async Task<IReadOnlyList<PlanView>> ForYearAsync(int year, CancellationToken ct = default)
    {
        var plans = await db.PropagandaPlans.AsNoTracking().Where(p => p.Year == year)
            .Include(p => p.Activities.OrderBy(a => a.SortOrder)).OrderBy(p => p.UnitName).ToListAsync(ct);
        if (plans.Count == 0) return [];

        var documentIds = plans.Where(p => p.DocumentId is not null).Select(p => p.DocumentId!.Value).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id) && d.IsPublished).ToDictionaryAsync(d => d.Id, ct);
        var agencyIds = plans.SelectMany(p => p.Activities).Where(a => a.LeadAgencyId is not null).Select(a => a.LeadAgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Name, a.Slug), ct);

        var activityIds = plans.SelectMany(p => p.Activities).Select(a => a.Id).ToList();
        var reports = await db.PlanActivityReports.AsNoTracking().Where(r => activityIds.Contains(r.ActivityId)).ToListAsync(ct);
        var postIds = reports.Where(r => r.PostId is not null).Select(r => r.PostId!.Value).ToList();
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id) && p.Status == News.PublicationStatus.Published)
            .Select(p => new { p.Id, p.Title, p.Slug, p.PublishedAt }).ToDictionaryAsync(p => p.Id, ct);
        var reportDocIds = reports.Where(r => r.DocumentId is not null).Select(r => r.DocumentId!.Value).ToList();
        var reportDocs = await db.Documents.AsNoTracking().Where(d => reportDocIds.Contains(d.Id) && d.IsPublished).ToDictionaryAsync(d => d.Id, ct);

        ActivityRow Row(PlanActivity a)
        {
            var list = new List<ActivityReport>();
            foreach (var r in reports.Where(r => r.ActivityId == a.Id))
            {
                if (r.PostId is { } pid && posts.TryGetValue(pid, out var p))
                    list.Add(new ActivityReport("Tin bài", p.Title, PublicPaths.Article(p.Slug), p.PublishedAt is { } at ? DateOnly.FromDateTime(Common.VnFormat.ToLocal(at)) : null));
                if (r.DocumentId is { } did && reportDocs.TryGetValue(did, out var d))
                    list.Add(new ActivityReport("Văn bản", $"{DocumentText.Title(d)}: {d.Summary}", PublicPaths.Document(d.Slug), d.IssuedOn));
            }
            var lead = a.LeadAgencyId is { } id && agencies.TryGetValue(id, out var ag) ? ag : (a.LeadAgencyText, (string?)null);
            return new ActivityRow(a, lead.Item1, lead.Item2, list.OrderBy(x => x.Date).ToList());
        }

        return plans.Select(p => new PlanView(p, p.DocumentId is { } did && documents.TryGetValue(did, out var d) ? d : null, p.Activities.Select(Row).ToList())).ToList();
    }
}
