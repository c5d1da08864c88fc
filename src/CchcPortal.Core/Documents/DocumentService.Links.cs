using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Documents;

/// <summary>Relations to other documents and attached files.</summary>
public sealed partial class DocumentService
{
    public const string RelationField = "RelationNumber";
    public const string FileField = "Upload";

    /// <summary>"This document replaces / amends / implements" the document with the typed số ký hiệu.</summary>
    public async Task<DocumentOutcome> AddRelationAsync(int id, DocumentRelationKind kind, string? number, int? chosenId, CancellationToken ct = default)
    {
        if (await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document) return DocumentOutcome.Missing();
        if (!Enum.IsDefined(kind)) return DocumentOutcome.Fail(RelationField, "Vui lòng chọn loại quan hệ.");
        var label = "Văn bản liên quan";
        var found = await ResolveAsync(number, chosenId, id, label, ct);
        if (found.Error is { } error) return DocumentOutcome.Fail(RelationField, error, found.Choices);
        var target = found.Document!;
        if (await db.DocumentRelations.AnyAsync(r => r.FromId == id && r.ToId == target.Id && r.Kind == kind, ct))
            return DocumentOutcome.Fail(RelationField, $"{label}: đã có quan hệ “{DocumentText.Relation(kind, true)}” {DocumentText.Title(target)}.");
        if (await db.DocumentRelations.AnyAsync(r => r.FromId == target.Id && r.ToId == id && r.Kind == kind, ct))
            return DocumentOutcome.Fail(RelationField, $"{label}: {DocumentText.Title(target)} đã được ghi là “{DocumentText.Relation(kind, true).ToLowerInvariant()}” văn bản này; quan hệ không thể theo cả hai chiều.");
        db.DocumentRelations.Add(new DocumentRelation { FromId = id, ToId = target.Id, Kind = kind });
        await CommitAsync([id, target.Id], ChangeOperation.Upsert, "relation", null, ct);
        return DocumentOutcome.Ok(document);
    }

    /// <summary>
    /// Removes a relation of the document (either direction). A "Thay thế" relation that records a document's
    /// "Bị thay thế" status stays until that status changes, so the two never disagree.
    /// </summary>
    public async Task<DocumentOutcome> RemoveRelationAsync(int id, int relationId, CancellationToken ct = default)
    {
        var relation = await db.DocumentRelations.FirstOrDefaultAsync(r => r.Id == relationId && (r.FromId == id || r.ToId == id), ct);
        if (relation is null) return DocumentOutcome.Missing();
        if (relation.Kind == DocumentRelationKind.Replaces
            && await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == relation.ToId && d.ReplacedById == relation.FromId, ct) is { } old)
            return DocumentOutcome.Fail(RelationField,
                $"Không thể gỡ: {DocumentText.Title(old)} đang có tình trạng “Bị thay thế” bởi văn bản này. Hãy đổi tình trạng hiệu lực của văn bản đó trước.");
        db.DocumentRelations.Remove(relation);
        await CommitAsync([relation.FromId, relation.ToId], ChangeOperation.Upsert, "relation", null, ct);
        return new DocumentOutcome();
    }

    /// <summary>Attaches a file already stored and checked (see the host's document uploads), last in order.</summary>
    public async Task<DocumentOutcome> AddFileAsync(int id, string url, string fileName, string contentType, long length, CancellationToken ct = default)
    {
        if (await db.Documents.Include(d => d.Files).FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document) return DocumentOutcome.Missing();
        document.Files.Add(new DocumentFile
        {
            Url = url, FileName = fileName, ContentType = contentType, Length = length,
            SortOrder = document.Files.Count == 0 ? 1 : document.Files.Max(f => f.SortOrder) + 1,
        });
        document.UpdatedAt = Now;
        await CommitAsync([id], ChangeOperation.Upsert, "file", null, ct);
        return DocumentOutcome.Ok(document);
    }

    /// <summary>Moves a file one place up (<paramref name="up"/>) or down; the first file is the one shown inline.</summary>
    public async Task<DocumentOutcome> MoveFileAsync(int id, int fileId, bool up, CancellationToken ct = default)
    {
        if (await db.Documents.Include(d => d.Files).FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document) return DocumentOutcome.Missing();
        var files = document.Files.OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToList();
        var at = files.FindIndex(f => f.Id == fileId);
        if (at < 0) return DocumentOutcome.Missing();
        var to = up ? at - 1 : at + 1;
        if (to >= 0 && to < files.Count) (files[at], files[to]) = (files[to], files[at]);
        for (var i = 0; i < files.Count; i++) files[i].SortOrder = i + 1;
        document.UpdatedAt = Now;
        await CommitAsync([id], ChangeOperation.Upsert, "file", null, ct);
        return DocumentOutcome.Ok(document);
    }

    /// <summary>Detaches a file from the document; the file itself stays in the media library.</summary>
    public async Task<DocumentOutcome> RemoveFileAsync(int id, int fileId, CancellationToken ct = default)
    {
        if (await db.Documents.Include(d => d.Files).FirstOrDefaultAsync(d => d.Id == id, ct) is not { } document) return DocumentOutcome.Missing();
        if (document.Files.FirstOrDefault(f => f.Id == fileId) is not { } file) return DocumentOutcome.Missing();
        db.DocumentFiles.Remove(file);
        document.UpdatedAt = Now;
        await CommitAsync([id], ChangeOperation.Upsert, "file", null, ct);
        return DocumentOutcome.Ok(document);
    }
}
