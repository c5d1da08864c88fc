using CchcPortal.Core.Common;
using CchcPortal.Core.Documents;
using CchcPortal.Core.Media;
using CchcPortal.Web.Features.Media;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Documents;

/// <summary>
/// Attaches an uploaded file to a document: the type is decided by the content (PDF, Word, Excel), and a name that
/// claims another type ("bao-cao.pdf" holding a Word file, or no document at all) is refused, so the type shown
/// on the public page is the true one. The stored file is registered in the media library, then attached.
/// </summary>
public sealed class DocumentFileUploads(MediaStore store, MediaLibrary library, DocumentService documents)
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "PDF", [".docx"] = "Word (DOCX)", [".doc"] = "Word (DOC)", [".xlsx"] = "Excel (XLSX)", [".xls"] = "Excel (XLS)",
    };

    public async Task<DocumentOutcome> AttachAsync(int documentId, IFormFile? file, string user, CancellationToken ct = default)
    {
        var (bytes, error) = await UploadReader.ReadAsync(file, "Tệp văn bản: vui lòng chọn tệp PDF, Word hoặc Excel.",
            store.MaxBytes, $"Tệp văn bản: tệp quá lớn, tối đa {store.MaxBytes / (1024 * 1024)} MB.", ct);
        if (bytes is null) return DocumentOutcome.Fail(DocumentService.FileField, error!);
        var name = Media.UploadFileName.Clean(file!.FileName, 150);

        var claimed = Path.GetExtension(name);
        var detected = MediaStore.DetectDocument(bytes, name);
        if (detected is null)
            return DocumentOutcome.Fail(DocumentService.FileField, Names.TryGetValue(claimed, out var claimedName)
                ? $"Tệp văn bản: “{name}” có đuôi {claimed.ToLowerInvariant()} nhưng nội dung không phải là tệp {claimedName} hợp lệ (tệp hỏng hoặc đã bị đổi tên). Hãy xuất lại tệp rồi tải lên."
                : $"Tệp văn bản: “{name}” không phải là tài liệu PDF, Word (DOC, DOCX) hoặc Excel (XLS, XLSX) hợp lệ.");
        var (ext, type) = detected.Value;
        if (Names.ContainsKey(claimed) && !string.Equals(claimed, ext, StringComparison.OrdinalIgnoreCase))
            return DocumentOutcome.Fail(DocumentService.FileField,
                $"Tệp văn bản: “{name}” có đuôi {claimed.ToLowerInvariant()} nhưng nội dung là tệp {Names[ext]}. Hãy đặt đúng đuôi {ext} rồi tải lên lại.");
        if (!Names.ContainsKey(claimed)) name = Path.GetFileNameWithoutExtension(name) + ext;

        var (stored, saveError) = await store.SaveDocumentAsync(new MemoryStream(bytes), bytes.Length, name, ct);
        if (stored is null) return DocumentOutcome.Fail(DocumentService.FileField, "Tệp văn bản: " + saveError);
        var outcome = await documents.AddFileAsync(documentId, stored.Url, name, stored.ContentType, stored.Length, ct);
        if (!outcome.Succeeded)
        {
            store.Delete(stored.Url);
            return outcome;
        }
        var title = outcome.Document!.Number.Length > 0 ? $"{DocumentText.Title(outcome.Document)}: {outcome.Document.Summary}" : outcome.Document.Summary;
        await library.RegisterAsync(stored, MediaKind.Document, name, HtmlText.Truncate(title, 300), null, user, ct);
        return outcome;
    }
}
