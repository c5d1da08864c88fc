using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

/// <summary>
/// Writes the documents library: validation (số ký hiệu parsed, duplicates refused), sanitized body, slugs with
/// redirects when the number changes, replacement with its "Thay thế" relation, publication, deletion, relations
/// and files (DocumentService.Links.cs). Every change writes <see cref="ContentChange"/> rows of kind
/// <see cref="DocumentText.Kind"/> (for the document and every document whose page shows the change) in the
/// same transaction; whatever derives from documents (citations, search) listens to that feed. Listeners of
/// <see cref="ChangeFeed"/> are told after the commit.
/// </summary>
public sealed partial class DocumentService(PortalDbContext db, RichTextSanitizer sanitizer, TimeProvider time, ChangeFeed feed)
{
    public const string PathPrefix = PublicPaths.Documents + "/";

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(VnFormat.ToLocal(Now));

    /// <summary>Creates (<paramref name="id"/> null) or updates a document.</summary>
    public async Task<DocumentOutcome> SaveAsync(int? id, DocumentInput input, CancellationToken ct = default)
    {
        LegalDocument? document = null;
        if (id is { } existingId && (document = await db.Documents.FirstOrDefaultAsync(d => d.Id == existingId, ct)) is null)
            return DocumentOutcome.Missing();

        var errors = input.Validate(Today, out var number);
        var issuer = VietnameseText.Normalize(input.Issuer);
        var duplicate = number is null || issuer.Length == 0 ? null : await FindDuplicateAsync(number, issuer, id, ct);
        if (duplicate is not null)
            errors.Add(nameof(DocumentInput.Number),
                $"Số ký hiệu {number!.Canonical} của {duplicate.Issuer} đã có trong thư viện: {DocumentText.Title(duplicate)} – {duplicate.Summary}. Mỗi văn bản chỉ nhập một lần; hãy sửa văn bản đã có.");

        LegalDocument? replacement = null;
        IReadOnlyList<LegalDocument> choices = [];
        if (input.Status == DocumentStatus.Replaced && VietnameseText.Normalize(input.ReplacedByNumber).Length > 0)
        {
            var found = await ResolveAsync(input.ReplacedByNumber, input.ReplacedById, id, "Văn bản thay thế", ct);
            choices = found.Choices;
            if (found.Error is { } error) errors.Add(nameof(DocumentInput.ReplacedByNumber), error);
            else if (id is not null && found.Document!.ReplacedById == id)
                errors.Add(nameof(DocumentInput.ReplacedByNumber),
                    $"Văn bản thay thế: {DocumentText.Title(found.Document)} đang được ghi là bị thay thế bởi chính văn bản này; hai văn bản không thể thay thế lẫn nhau.");
            else replacement = found.Document;
        }
        if (errors.Any) return new DocumentOutcome { Errors = errors, Duplicate = duplicate, Choices = choices };

        var isNew = document is null;
        document ??= new LegalDocument { CreatedAt = Now };
        var (oldSlug, oldType, oldKey, oldReplacedBy) = (document.Slug, document.DocType, document.NumberKey, document.ReplacedById);
        document.Number = number?.Canonical ?? "";
        document.NumberKey = number?.Key ?? "";
        document.DocType = input.DocType!;
        document.Issuer = issuer;
        document.IssuedOn = input.IssuedOn;
        document.EffectiveOn = input.EffectiveOn;
        document.Signer = VietnameseText.Normalize(input.Signer);
        document.Summary = VietnameseText.Normalize(input.Summary);
        document.Field = VietnameseText.Normalize(input.Field);
        document.Status = input.Status;
        document.ReplacedById = input.Status == DocumentStatus.Replaced ? replacement!.Id : null;
        document.BodyHtml = sanitizer.Sanitize(input.BodyHtml);
        document.UpdatedAt = Now;
        // The address follows the number, not the wording of the summary: fixing a typo keeps the URL.
        if (isNew || oldType != document.DocType || oldKey != document.NumberKey)
            document.Slug = await UniqueSlugAsync(document, ct);

        await using var tx = await feed.BeginTransactionAsync(ct);
        if (isNew)
        {
            db.Documents.Add(document);
            await db.SaveChangesAsync(ct); // the id, for relations
        }
        else if (oldSlug != document.Slug)
            await RedirectAsync(PathPrefix + oldSlug, PathPrefix + document.Slug, ct);

        var touched = new List<int> { document.Id };
        if (oldReplacedBy != document.ReplacedById)
        {
            if (oldReplacedBy is { } previous)
            {
                await db.DocumentRelations.Where(r => r.FromId == previous && r.ToId == document.Id && r.Kind == DocumentRelationKind.Replaces).ExecuteDeleteAsync(ct);
                touched.Add(previous);
            }
            if (document.ReplacedById is { } by)
            {
                if (!await db.DocumentRelations.AnyAsync(r => r.FromId == by && r.ToId == document.Id && r.Kind == DocumentRelationKind.Replaces, ct))
                    db.DocumentRelations.Add(new DocumentRelation { FromId = by, ToId = document.Id, Kind = DocumentRelationKind.Replaces });
                touched.Add(by);
            }
        }
        await CommitAsync(touched, ChangeOperation.Upsert, isNew ? "create" : "update", tx, ct);
        return DocumentOutcome.Ok(document);
    }

    public async Task<DocumentOutcome> SetPublishedAsync(int id, bool publish, CancellationToken ct = default)
    {
        if (await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document) return DocumentOutcome.Missing();
        document.IsPublished = publish;
        document.UpdatedAt = Now;
        // Related documents list this one only while it is public.
        await CommitAsync([id, .. await RelatedIdsAsync(id, ct)], ChangeOperation.Upsert, publish ? "publish" : "unpublish", null, ct);
        return DocumentOutcome.Ok(document);
    }

    /// <summary>
    /// Deletes a document with its files' rows and relations; refused while another document is recorded as replaced
    /// by it (<see cref="DocumentOutcome.Blockers"/>). The files stay in the media library.
    /// </summary>
    public async Task<DocumentOutcome> DeleteAsync(int id, CancellationToken ct = default)
    {
        if (await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document) return DocumentOutcome.Missing();
        var replaced = await db.Documents.AsNoTracking().Where(d => d.ReplacedById == id).OrderBy(d => d.Number).ToListAsync(ct);
        if (replaced.Count > 0)
        {
            var list = string.Join("; ", replaced.Select(DocumentText.Title));
            var outcome = DocumentOutcome.Fail("",
                $"Không thể xóa: văn bản này đang là văn bản thay thế của {replaced.Count} văn bản ({list}). Hãy đổi tình trạng hiệu lực của các văn bản đó trước.");
            return new DocumentOutcome { Errors = outcome.Errors, Blockers = replaced, Document = document };
        }
        var related = await RelatedIdsAsync(id, ct);
        await using var tx = await feed.BeginTransactionAsync(ct);
        db.Documents.Remove(document);
        await db.SaveChangesAsync(ct);
        // The deletion's row comes first; its notice last, after those of the related documents.
        feed.RecordRow(DocumentText.Kind, id, ChangeOperation.Delete);
        foreach (var other in related) feed.Record(DocumentText.Kind, other, ChangeOperation.Upsert, "delete");
        feed.Announce(DocumentText.Kind, id, "delete");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DocumentOutcome.Ok(document);
    }

    /// <summary>The document that the typed số ký hiệu designates (any issuer), other than <paramref name="selfId"/>.</summary>
    public async Task<DocumentReference> ResolveAsync(string? typed, int? chosenId, int? selfId, string label, CancellationToken ct = default)
    {
        var text = VietnameseText.Normalize(typed);
        if (text.Length == 0) return new(null, $"{label}: vui lòng nhập số ký hiệu (ví dụ 37/KH-UBND).", []);
        if (!DocumentNumber.TryParse(text, out var number, out var reason)) return new(null, DocumentInput.NumberMessage(label, reason!), []);
        var matches = await db.Documents.AsNoTracking().Where(d => d.NumberKey == number!.Key).OrderBy(d => d.Issuer).ThenBy(d => d.Id).ToListAsync(ct);
        var others = matches.Where(d => d.Id != selfId).ToList();
        if (others.Count == 0)
            return new(null, matches.Count > 0
                ? $"{label}: số {number!.Canonical} là của chính văn bản này; hãy chọn một văn bản khác."
                : $"{label}: không tìm thấy văn bản số {number!.Canonical} trong thư viện. Hãy nhập văn bản đó vào thư viện trước.", []);
        if (others.Count == 1) return new(others[0], null, []);
        if (chosenId is { } chosen && others.FirstOrDefault(d => d.Id == chosen) is { } picked) return new(picked, null, []);
        return new(null, $"{label}: có {others.Count} văn bản cùng số {number!.Canonical} ({string.Join("; ", others.Select(d => d.Issuer))}); hãy chọn đúng văn bản trong danh sách.", others);
    }

    private async Task<LegalDocument?> FindDuplicateAsync(DocumentNumber number, string issuer, int? exceptId, CancellationToken ct)
    {
        var sameKey = await db.Documents.AsNoTracking().Where(d => d.NumberKey == number.Key && d.Id != exceptId).ToListAsync(ct);
        var folded = VietnameseText.Fold(issuer);
        return sameKey.FirstOrDefault(d => VietnameseText.Fold(d.Issuer) == folded);
    }

    private async Task<List<int>> RelatedIdsAsync(int id, CancellationToken ct)
    {
        var ids = await db.DocumentRelations.Where(r => r.FromId == id || r.ToId == id).Select(r => r.FromId == id ? r.ToId : r.FromId).ToListAsync(ct);
        ids.AddRange(await db.Documents.Where(d => d.ReplacedById == id).Select(d => d.Id).ToListAsync(ct));
        return ids.Distinct().ToList();
    }

    private Task<string> UniqueSlugAsync(LegalDocument d, CancellationToken ct) =>
        SlugGenerator.UniqueAsync($"{d.DocType} {d.Number} {d.Summary}", s => db.Documents.AnyAsync(x => x.Slug == s && x.Id != d.Id, ct), "van-ban");

    /// <summary>The old address answers 301 to the new one; earlier redirects to it follow, so no chain forms.</summary>
    private async Task RedirectAsync(string from, string to, CancellationToken ct)
    {
        await db.PathRedirects.Where(r => r.FromPath == to).ExecuteDeleteAsync(ct);
        foreach (var earlier in await db.PathRedirects.Where(r => r.ToPath == from).ToListAsync(ct)) earlier.ToPath = to;
        if (await db.PathRedirects.FirstOrDefaultAsync(r => r.FromPath == from, ct) is { } existing) existing.ToPath = to;
        else db.PathRedirects.Add(new PathRedirect { FromPath = from, ToPath = to });
    }

    /// <summary>Change rows for every touched document, saved with the change; then listeners are told.</summary>
    private async Task CommitAsync(IReadOnlyCollection<int> touched, ChangeOperation operation, string what, ChangeFeedTransaction? tx, CancellationToken ct)
    {
        foreach (var documentId in touched.Distinct()) feed.Record(DocumentText.Kind, documentId, operation, what);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }
}
