using System.Text.Json;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Seeding;

/// <summary>
/// The five plans live in the documents library only. Builds before this one also published each as a news post
/// (slug <c>oldPostSlug</c> in content/seed/plans/documents.json): such a post is deleted the way an editor deletes
/// one (search delete row, citation rows dropped), the activities it reported on now list the document, and its
/// addresses (article and print view) answer 301 with the document's. A fresh install gets the redirects only.
/// </summary>
internal sealed class PlanPostsToDocuments(PortalDbContext db, PostService posts)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task MoveAsync(string plansPath, CancellationToken ct)
    {
        var seeds = JsonSerializer.Deserialize<List<PlanDocumentSeed>>(await File.ReadAllTextAsync(Path.Combine(plansPath, "documents.json"), ct), Json)!;
        foreach (var seed in seeds.Where(s => !string.IsNullOrWhiteSpace(s.OldPostSlug)))
        {
            // The plan row knows its document even if an editor has renamed it since.
            var document = await (from p in db.PropagandaPlans
                                  join d in db.Documents on p.DocumentId equals d.Id
                                  where p.Year == seed.Year && p.UnitName == seed.UnitName
                                  select new { d.Id, d.Slug }).FirstOrDefaultAsync(ct);
            // No document (an editor deleted it): the post, if any, stays the plan's only copy.
            if (document is null) continue;

            var post = await db.Posts.AsNoTracking().Where(p => p.Slug == seed.OldPostSlug).Select(p => new { p.Id, TagIds = p.Tags.Select(t => t.Id).ToList() }).FirstOrDefaultAsync(ct);
            if (post is not null)
            {
                await MoveReportsAsync(post.Id, document.Id, ct);
                await posts.DeleteAsync(post.Id, ct);
                // Tags the seed made for these posts and nothing else uses would only clutter the editor's list.
                await db.Tags.Where(t => post.TagIds.Contains(t.Id) && !t.Posts.Any()).ExecuteDeleteAsync(ct);
            }
            var to = PublicPaths.Document(document.Slug);
            await RedirectAsync(PublicPaths.Article(seed.OldPostSlug), to, ct);
            await RedirectAsync(PublicPaths.ArticlePrint(seed.OldPostSlug), to, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The post reported on plan activities: the document now does (once per activity).</summary>
    private async Task MoveReportsAsync(int postId, int documentId, CancellationToken ct)
    {
        foreach (var report in await db.PlanActivityReports.Where(r => r.PostId == postId).ToListAsync(ct))
        {
            if (await db.PlanActivityReports.AnyAsync(r => r.ActivityId == report.ActivityId && r.DocumentId == documentId && r.PostId == null, ct))
                db.PlanActivityReports.Remove(report);
            else
            {
                report.PostId = null;
                report.DocumentId = documentId;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task RedirectAsync(string from, string to, CancellationToken ct)
    {
        if (await db.PathRedirects.FirstOrDefaultAsync(r => r.FromPath == from, ct) is { } existing) existing.ToPath = to;
        else db.PathRedirects.Add(new PathRedirect { FromPath = from, ToPath = to });
    }
}
