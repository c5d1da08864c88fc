using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

/// <summary>An unresolved reference: cited somewhere, not (yet) in the library.</summary>
public sealed record MissingDocument(string Key, string Example, int Sources);

/// <summary>
/// Keeps <see cref="CitationLink"/> rows in step with the text of posts, static pages, documents and procedures'
/// legal bases: each save re-extracts the source's references and resolves them against the library by number key.
/// </summary>
public sealed class CitationLinker(PortalDbContext db)
{
    public static readonly string[] SourceKinds = [ContentKinds.News, ContentKinds.Page, ContentKinds.Procedure, DocumentText.Kind];

    /// <summary>Re-reads one source and replaces its citation rows. A deleted source loses its rows.</summary>
    public async Task RelinkAsync(string kind, int id, CancellationToken ct = default)
    {
        if (!SourceKinds.Contains(kind) || id <= 0) return;
        var rows = await BuildAsync(kind, id, ct);
        await db.CitationLinks.Where(c => c.SourceKind == kind && c.SourceId == id).ExecuteDeleteAsync(ct);
        db.CitationLinks.AddRange(rows);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<CitationLink>> BuildAsync(string kind, int id, CancellationToken ct)
    {
        var found = await CitationsOfAsync(kind, id, ct);
        if (found.Count == 0) return [];
        var documents = await ResolveAsync(found.Select(f => f.Key).Distinct().ToList(), ct);
        var rows = new List<CitationLink>();
        foreach (var (key, text) in found.DistinctBy(f => f.Key))
        {
            var target = documents.GetValueOrDefault(key);
            // A document never cites itself (its own number in its header).
            if (kind == DocumentText.Kind && target == id) continue;
            rows.Add(new CitationLink { SourceKind = kind, SourceId = id, Key = key, Text = Trim(text), DocumentId = target == 0 ? null : target });
        }
        return rows;
    }

    /// <summary>After a document was saved: citations of its number now point at it (or no longer, if it changed).</summary>
    public async Task ResolveDocumentAsync(int documentId, CancellationToken ct = default)
    {
        var key = await db.Documents.Where(d => d.Id == documentId && d.IsPublished).Select(d => d.NumberKey).FirstOrDefaultAsync(ct);
        await db.CitationLinks.Where(c => c.DocumentId == documentId && c.Key != key).ExecuteUpdateAsync(u => u.SetProperty(c => c.DocumentId, (int?)null), ct);
        if (!string.IsNullOrEmpty(key))
            await db.CitationLinks.Where(c => c.Key == key && c.DocumentId == null && !(c.SourceKind == DocumentText.Kind && c.SourceId == documentId))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.DocumentId, documentId), ct);
    }

    /// <summary>Rebuilds every source's rows: after a bulk import, or on an editor's request.</summary>
    public async Task<int> RelinkAllAsync(CancellationToken ct = default)
    {
        await db.CitationLinks.ExecuteDeleteAsync(ct);
        var sources = new List<(string Kind, int Id)>();
        sources.AddRange((await db.Posts.Select(p => p.Id).ToListAsync(ct)).Select(id => (ContentKinds.News, id)));
        sources.AddRange((await db.StaticPages.Select(p => p.Id).ToListAsync(ct)).Select(id => (ContentKinds.Page, id)));
        sources.AddRange((await db.Documents.Select(p => p.Id).ToListAsync(ct)).Select(id => (DocumentText.Kind, id)));
        sources.AddRange((await db.Procedures.Select(p => p.Id).ToListAsync(ct)).Select(id => (ContentKinds.Procedure, id)));
        foreach (var batch in sources.Chunk(200))
        {
            foreach (var (kind, id) in batch) db.CitationLinks.AddRange(await BuildAsync(kind, id, ct));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return await db.CitationLinks.CountAsync(ct);
    }

    /// <summary>References no published document answers, most cited first.</summary>
    public async Task<IReadOnlyList<MissingDocument>> MissingAsync(CancellationToken ct = default)
    {
        var rows = await db.CitationLinks.AsNoTracking().Where(c => c.DocumentId == null).Select(c => new { c.Key, c.Text, c.SourceKind, c.SourceId }).ToListAsync(ct);
        return rows.GroupBy(r => r.Key)
            .Select(g => new MissingDocument(g.Key, g.First().Text, g.Select(r => (r.SourceKind, r.SourceId)).Distinct().Count()))
            .OrderByDescending(m => m.Sources).ThenBy(m => m.Example, StringComparer.Ordinal).ToList();
    }

    private async Task<Dictionary<string, int>> ResolveAsync(List<string> keys, CancellationToken ct) =>
        (await db.Documents.AsNoTracking().Where(d => d.IsPublished && d.NumberKey != "" && keys.Contains(d.NumberKey))
            .Select(d => new { d.NumberKey, d.Id }).ToListAsync(ct))
        .GroupBy(d => d.NumberKey).ToDictionary(g => g.Key, g => g.Min(d => d.Id));

    private async Task<List<(string Key, string Text)>> CitationsOfAsync(string kind, int id, CancellationToken ct)
    {
        if (kind == ContentKinds.Procedure)
        {
            var bases = await db.LegalBases.AsNoTracking().Where(b => b.ProcedureId == id).OrderBy(b => b.SortOrder).ToListAsync(ct);
            var result = new List<(string, string)>();
            foreach (var b in bases)
            {
                // The number column is usually the bare số ký hiệu; otherwise the extractor reads "number name".
                if (DocumentNumber.ParseOrNull(b.Number) is { } n) result.Add((n.Key, $"{b.Number} {b.Name}".Trim()));
                else result.AddRange(CitationExtractor.Extract($"{b.Number} {b.Name}").Where(c => c.Number is not null).Take(1).Select(c => (c.Key, c.Text)));
            }
            return result;
        }
        var text = kind switch
        {
            ContentKinds.News => await db.Posts.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title + "\n" + p.Summary + "\n" + p.BodyHtml).FirstOrDefaultAsync(ct),
            ContentKinds.Page => await db.StaticPages.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title + "\n" + p.BodyHtml).FirstOrDefaultAsync(ct),
            _ => await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.Summary + "\n" + d.BodyHtml).FirstOrDefaultAsync(ct),
        };
        if (text is null) return [];
        return CitationExtractor.Extract(HtmlText.ToPlainText(text)).Select(c => (c.Key, c.Text)).ToList();
    }

    private static string Trim(string text) => text.Length > 400 ? text[..400] : text;
}

/// <summary>Relinks a source after each committed change to it.</summary>
public sealed class CitationChangeListener(CitationLinker linker) : IContentChangeListener
{
    public async Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
    {
        await linker.RelinkAsync(notice.Kind, notice.EntityId, ct);
        if (notice.Kind == DocumentText.Kind && notice.EntityId > 0) await linker.ResolveDocumentAsync(notice.EntityId, ct);
    }
}
