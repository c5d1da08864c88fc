using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

public sealed record ManagerDocumentFilter(string? Query, DocumentStatus? Status, bool? Published, int Page = 1, int PageSize = 20);

/// <summary>One relation as the editor sees it from a document: its id (to remove it), direction and the other document.</summary>
public sealed record ManagerRelation(int Id, DocumentRelationKind Kind, bool Outgoing, LegalDocument Other);

/// <summary>A document with what its edit page shows: files in order, replacement, relations both ways.</summary>
public sealed record DocumentEditView(LegalDocument Document, LegalDocument? ReplacedBy, IReadOnlyList<ManagerRelation> Relations);

/// <summary>Read side of the library for the manager: every document, published or not.</summary>
public sealed class DocumentManagerQueries(PortalDbContext db)
{
    public async Task<PagedResult<LegalDocument>> ListAsync(ManagerDocumentFilter filter, CancellationToken ct = default)
    {
        var q = db.Documents.AsNoTracking();
        if (filter.Status is { } status) q = q.Where(d => d.Status == status);
        if (filter.Published is { } published) q = q.Where(d => d.IsPublished == published);
        // Hundreds of documents: matching folded text in memory finds "qd" in "QĐ" and "cai cach" in "cải cách".
        var all = await q.ToListAsync(ct);
        var words = VietnameseText.Fold(filter.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
        var key = DocumentNumber.ParseOrNull(filter.Query)?.Key;
        var matching = all
            .Where(d => words.Count == 0 || (key is not null && d.NumberKey == key)
                || words.All(VietnameseText.Fold($"{d.Number} {d.DocType} {d.Summary} {d.Issuer}").Contains))
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).ToList();
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (matching.Count + filter.PageSize - 1) / filter.PageSize));
        return new PagedResult<LegalDocument>(matching.Skip((page - 1) * filter.PageSize).Take(filter.PageSize).ToList(), page, filter.PageSize, matching.Count);
    }

    public async Task<DocumentEditView?> GetAsync(int id, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().Include(d => d.Files.OrderBy(f => f.SortOrder).ThenBy(f => f.Id)).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) return null;
        var relations = await db.DocumentRelations.AsNoTracking().Where(r => r.FromId == id || r.ToId == id).OrderBy(r => r.Kind).ThenBy(r => r.Id).ToListAsync(ct);
        var otherIds = relations.Select(r => r.FromId == id ? r.ToId : r.FromId).Append(document.ReplacedById ?? 0).ToHashSet();
        var others = await db.Documents.AsNoTracking().Where(d => otherIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return new DocumentEditView(
            document,
            document.ReplacedById is { } by ? others.GetValueOrDefault(by) : null,
            relations.Select(r => new ManagerRelation(r.Id, r.Kind, r.FromId == id, others[r.FromId == id ? r.ToId : r.FromId])).ToList());
    }

    /// <summary>Lĩnh vực already used, offered as suggestions so the same field is written the same way.</summary>
    public async Task<IReadOnlyList<string>> FieldsAsync(CancellationToken ct = default) =>
        (await db.Documents.AsNoTracking().Where(d => d.Field != "").Select(d => d.Field).Distinct().ToListAsync(ct))
            .Order(StringComparer.Create(VnFormat.Culture, true)).ToList();

    public async Task<IReadOnlyList<string>> IssuersAsync(CancellationToken ct = default) =>
        (await db.Documents.AsNoTracking().Where(d => d.Issuer != "").Select(d => d.Issuer).Distinct().ToListAsync(ct))
            .Order(StringComparer.Create(VnFormat.Culture, true)).ToList();
}
