using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

public sealed record DocumentFilter(string? Query, string? DocType, string? Issuer, int? Year, string? Field, DocumentStatus? Status, int Page);

public sealed record DocumentListResult(
    PagedResult<LegalDocument> Page, IReadOnlyList<FacetValue> DocTypes, IReadOnlyList<FacetValue> Issuers,
    IReadOnlyList<FacetValue> Years, IReadOnlyList<FacetValue> Fields, IReadOnlyList<FacetValue> Statuses);

/// <summary>A page that cites a document: where it is and how it was written there.</summary>
public sealed record CitingPage(string Kind, string Title, string Url, string Text);

public sealed record RelatedDocument(DocumentRelationKind Kind, bool Outgoing, LegalDocument Document);

public sealed record DocumentPage(LegalDocument Document, LegalDocument? ReplacedBy, IReadOnlyList<RelatedDocument> Related, IReadOnlyList<CitingPage> CitedBy);

/// <summary>The public documents library: list with facet counts (each equals what the list shows), one document with its links.</summary>
public sealed class DocumentQueries(PortalDbContext db)
{
    public const int PageSize = 20;

    public async Task<DocumentListResult> ListAsync(DocumentFilter f, CancellationToken ct = default)
    {
        // A library holds hundreds of documents: filtering and counting in memory keeps every count exact.
        var all = await db.Documents.AsNoTracking().Where(d => d.IsPublished).ToListAsync(ct);
        var words = VietnameseText.Fold(f.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool Matches(LegalDocument d, string? skip)
        {
            if (words.Length > 0)
            {
                var text = VietnameseText.Fold($"{d.Number} {d.DocType} {d.Summary} {d.Issuer} {d.Signer}");
                if (!words.All(text.Contains)) return false;
            }
            return (skip == "type" || f.DocType is null || d.DocType == f.DocType)
                && (skip == "issuer" || f.Issuer is null || d.Issuer == f.Issuer)
                && (skip == "year" || f.Year is null || d.IssuedOn?.Year == f.Year)
                && (skip == "field" || f.Field is null || d.Field == f.Field)
                && (skip == "status" || f.Status is null || d.Status == f.Status);
        }
        static List<FacetValue> Facet(IEnumerable<string> values) =>
            values.Where(v => v.Length > 0).GroupBy(v => v).Select(g => new FacetValue(g.Key, g.Key, g.Count()))
                .OrderBy(v => v.Label, StringComparer.Create(VnFormat.Culture, true)).ToList();

        var matching = all.Where(d => Matches(d, null)).OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).ToList();
        var page = Math.Max(1, f.Page);
        var items = matching.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        return new DocumentListResult(
            new PagedResult<LegalDocument>(items, page, PageSize, matching.Count),
            Facet(all.Where(d => Matches(d, "type")).Select(d => d.DocType)),
            Facet(all.Where(d => Matches(d, "issuer")).Select(d => d.Issuer)),
            all.Where(d => Matches(d, "year") && d.IssuedOn is not null).GroupBy(d => d.IssuedOn!.Value.Year).OrderByDescending(g => g.Key)
                .Select(g => new FacetValue(g.Key.ToString(), g.Key.ToString(), g.Count())).ToList(),
            Facet(all.Where(d => Matches(d, "field")).Select(d => d.Field)),
            all.Where(d => Matches(d, "status")).GroupBy(d => d.Status).OrderBy(g => g.Key)
                .Select(g => new FacetValue(g.Key.ToString(), DocumentText.Status(g.Key), g.Count())).ToList());
    }

    public Task<List<LegalDocument>> LatestAsync(int count, CancellationToken ct = default) =>
        db.Documents.AsNoTracking().Where(d => d.IsPublished).OrderByDescending(d => d.IssuedOn ?? DateOnly.MinValue).ThenByDescending(d => d.Id).Take(count).ToListAsync(ct);

    public async Task<DocumentPage?> BySlugAsync(string slug, CancellationToken ct = default)
    {
        var d = await db.Documents.AsNoTracking().Include(x => x.Files.OrderBy(f => f.SortOrder)).FirstOrDefaultAsync(x => x.Slug == slug && x.IsPublished, ct);
        if (d is null) return null;
        var replacedBy = d.ReplacedById is { } r ? await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r && x.IsPublished, ct) : null;

        var relations = await db.DocumentRelations.AsNoTracking().Where(x => x.FromId == d.Id || x.ToId == d.Id).ToListAsync(ct);
        var otherIds = relations.Select(x => x.FromId == d.Id ? x.ToId : x.FromId).ToHashSet();
        var others = await db.Documents.AsNoTracking().Where(x => otherIds.Contains(x.Id) && x.IsPublished).ToDictionaryAsync(x => x.Id, ct);
        var related = relations.Where(x => others.ContainsKey(x.FromId == d.Id ? x.ToId : x.FromId))
            .Select(x => new RelatedDocument(x.Kind, x.FromId == d.Id, others[x.FromId == d.Id ? x.ToId : x.FromId])).ToList();

        return new DocumentPage(d, replacedBy, related, await CitedByAsync(d.Id, ct));
    }

    /// <summary>Legal bases of a procedure that the library holds: basis id -> document slug.</summary>
    public async Task<IReadOnlyDictionary<int, string>> LegalBasisLinksAsync(IEnumerable<LegalBasis> bases, CancellationToken ct = default)
    {
        var keyed = bases.Select(b => (b.Id, Key: DocumentNumber.ParseOrNull(b.Number)?.Key)).Where(b => b.Key is not null).ToList();
        if (keyed.Count == 0) return new Dictionary<int, string>();
        var keys = keyed.Select(b => b.Key!).Distinct().ToList();
        var slugs = (await db.Documents.AsNoTracking().Where(d => d.IsPublished && keys.Contains(d.NumberKey)).Select(d => new { d.NumberKey, d.Slug }).ToListAsync(ct))
            .GroupBy(d => d.NumberKey).ToDictionary(g => g.Key, g => g.First().Slug);
        return keyed.Where(b => slugs.ContainsKey(b.Key!)).ToDictionary(b => b.Id, b => slugs[b.Key!]);
    }

    /// <summary>Library documents a page mentions (from its citation rows), for a "documents mentioned" box.</summary>
    public async Task<IReadOnlyList<LegalDocument>> MentionedInAsync(string sourceKind, int sourceId, CancellationToken ct = default)
    {
        var ids = db.CitationLinks.Where(c => c.SourceKind == sourceKind && c.SourceId == sourceId && c.DocumentId != null).Select(c => c.DocumentId!.Value);
        return await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id) && d.IsPublished).OrderByDescending(d => d.IssuedOn).ToListAsync(ct);
    }

    /// <summary>Published pages whose text cites the document.</summary>
    public async Task<IReadOnlyList<CitingPage>> CitedByAsync(int documentId, CancellationToken ct = default)
    {
        var citations = await db.CitationLinks.AsNoTracking().Where(c => c.DocumentId == documentId).ToListAsync(ct);
        var result = new List<CitingPage>();
        var postIds = citations.Where(c => c.SourceKind == Changes.ContentKinds.News).Select(c => c.SourceId).ToList();
        result.AddRange(await db.Posts.AsNoTracking()
            .Where(p => postIds.Contains(p.Id) && p.Status == News.PublicationStatus.Published)
            .Select(p => new CitingPage("Tin bài", p.Title, PublicPaths.Article(p.Slug), "")).ToListAsync(ct));
        var procedureIds = citations.Where(c => c.SourceKind == Changes.ContentKinds.Procedure).Select(c => c.SourceId).ToList();
        result.AddRange(await db.Procedures.AsNoTracking().Where(p => procedureIds.Contains(p.Id))
            .Select(p => new CitingPage("Thủ tục hành chính", p.Name, PublicPaths.Procedure(p.Slug), "")).ToListAsync(ct));
        var documentIds = citations.Where(c => c.SourceKind == DocumentText.Kind).Select(c => c.SourceId).ToList();
        result.AddRange(await db.Documents.AsNoTracking().Where(x => documentIds.Contains(x.Id) && x.IsPublished)
            .Select(x => new CitingPage("Văn bản", (x.Number.Length > 0 ? x.Number + " " : "") + x.Summary, PublicPaths.Document(x.Slug), "")).ToListAsync(ct));
        return result;
    }
}
