using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Media;

/// <summary>A page that uses a media file, with where to edit it.</summary>
public sealed record MediaUse(string Kind, string Title, string EditUrl, string ContentKind, int EntityId);

/// <summary>
/// Where a media URL is used: posts (featured image or body), static pages, programme episodes and procedure
/// dossier forms, and documents of the library (files and body). Used to refuse deleting a file in use and to move every reference when a file is replaced.
/// </summary>
public sealed class MediaUsages(PortalDbContext db, ChangeFeed feed)
{
    /// <param name="mediaId">The library item's id: body images inserted by the picker refer to it (data-media-id).</param>
    public async Task<IReadOnlyList<MediaUse>> FindAsync(string url, CancellationToken ct = default, int? mediaId = null)
    {
        var uses = new List<MediaUse>();
        var idRef = mediaId is { } id ? $"{BodyImageReference.IdAttribute}=\"{id}\"" : null;
        uses.AddRange((await db.Posts.AsNoTracking().Where(p => p.FeaturedImage == url || p.BodyHtml.Contains(url) || (idRef != null && p.BodyHtml.Contains(idRef))).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => new MediaUse("Bài viết", p.Title, ManagerPaths.PostEdit(p.Id), ContentKinds.News, p.Id)));
        uses.AddRange((await db.StaticPages.AsNoTracking().Where(p => p.BodyHtml.Contains(url) || (idRef != null && p.BodyHtml.Contains(idRef))).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => new MediaUse("Trang", p.Title, ManagerPaths.StaticPageEdit(p.Id), ContentKinds.Page, p.Id)));
        uses.AddRange((await db.ProgrammeEpisodes.AsNoTracking().Where(e => e.MediaUrl == url || e.SummaryHtml.Contains(url)).Select(e => new { e.Id, e.Topic }).ToListAsync(ct))
            .Select(e => new MediaUse("Chương trình Dân hỏi", e.Topic, ManagerPaths.EpisodeEdit(e.Id), ContentKinds.Episode, e.Id)));
        var forms = await (from d in db.DossierItems.AsNoTracking()
                           join p in db.Procedures.AsNoTracking() on d.ProcedureId equals p.Id
                           where d.FormUrl.Contains(url)
                           select new { p.Id, p.Code, p.Name }).Distinct().ToListAsync(ct);
        uses.AddRange(forms.Select(p => new MediaUse("Thủ tục hành chính", $"{p.Code} {p.Name}", ManagerPaths.ProcedureEdit(p.Code), ContentKinds.Procedure, p.Id)));
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.BodyHtml.Contains(url) || db.DocumentFiles.Any(f => f.DocumentId == d.Id && f.Url == url))
            .Select(d => new { d.Id, d.DocType, d.Number, d.Summary }).ToListAsync(ct);
        uses.AddRange(documents.Select(d => new MediaUse("Văn bản",
            $"{(d.Number.Length > 0 ? $"{d.DocType} số {d.Number}" : d.DocType)}: {d.Summary}", ManagerPaths.DocumentEdit(d.Id), ContentKinds.Document, d.Id)));
        uses.AddRange((await db.MediaItems.AsNoTracking().Where(m => m.PosterUrl == url).Select(m => new { m.Id, m.Title, m.FileName }).ToListAsync(ct))
            .Select(m => new MediaUse("Video (ảnh đại diện)", m.Title.Length > 0 ? m.Title : m.FileName, ManagerPaths.MediaEdit(m.Id), "", m.Id)));
        return uses;
    }

    /// <summary>
    /// Points every use of <paramref name="oldUrl"/> at <paramref name="newUrl"/> and records the changes in the
    /// change feed ("media-replaced"); the caller saves, in the same transaction as the library row.
    /// </summary>
    /// <param name="newContentType">The new file's type and size, for the rows that record them (a document's files).</param>
    public async Task<IReadOnlyList<MediaUse>> RewriteAsync(string oldUrl, string newUrl, CancellationToken ct = default,
        string? newContentType = null, long? newLength = null)
    {
        var uses = await FindAsync(oldUrl, ct);
        foreach (var post in await db.Posts.Where(p => p.FeaturedImage == oldUrl || p.BodyHtml.Contains(oldUrl)).ToListAsync(ct))
        {
            if (post.FeaturedImage == oldUrl) post.FeaturedImage = newUrl;
            post.BodyHtml = post.BodyHtml.Replace(oldUrl, newUrl, StringComparison.Ordinal);
        }
        foreach (var page in await db.StaticPages.Where(p => p.BodyHtml.Contains(oldUrl)).ToListAsync(ct))
            page.BodyHtml = page.BodyHtml.Replace(oldUrl, newUrl, StringComparison.Ordinal);
        foreach (var episode in await db.ProgrammeEpisodes.Where(e => e.MediaUrl == oldUrl || e.SummaryHtml.Contains(oldUrl)).ToListAsync(ct))
        {
            if (episode.MediaUrl == oldUrl) episode.MediaUrl = newUrl;
            episode.SummaryHtml = episode.SummaryHtml.Replace(oldUrl, newUrl, StringComparison.Ordinal);
        }
        foreach (var item in await db.DossierItems.Where(d => d.FormUrl.Contains(oldUrl)).ToListAsync(ct))
            item.FormUrl = item.FormUrl.Replace(oldUrl, newUrl, StringComparison.Ordinal);
        foreach (var document in await db.Documents.Where(d => d.BodyHtml.Contains(oldUrl)).ToListAsync(ct))
            document.BodyHtml = document.BodyHtml.Replace(oldUrl, newUrl, StringComparison.Ordinal);
        foreach (var file in await db.DocumentFiles.Where(f => f.Url == oldUrl).ToListAsync(ct))
        {
            file.Url = newUrl;
            // The download keeps its name; its extension follows the new content (a PDF may replace a DOCX).
            file.FileName = Path.ChangeExtension(file.FileName, Path.GetExtension(newUrl));
            if (newContentType is not null) file.ContentType = newContentType;
            if (newLength is { } length) file.Length = length;
        }
        foreach (var video in await db.MediaItems.Where(m => m.PosterUrl == oldUrl).ToListAsync(ct)) video.PosterUrl = newUrl;
        // A video using the file as its poster is a library row, not content of the change feed.
        foreach (var use in uses.Where(u => u.ContentKind.Length > 0)) feed.Record(use.ContentKind, use.EntityId, ChangeOperation.Upsert, "media-replaced");
        return uses;
    }
}
