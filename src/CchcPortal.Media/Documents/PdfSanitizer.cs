using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace CchcPortal.Media.Documents;

public sealed record SanitizedPdf(byte[] Content, int PageCount);

/// <summary>
/// Checks an uploaded PDF by parsing it (not by its name), refuses encrypted files, and removes the document
/// information (author, creator, producer, title, dates), the XMP metadata stream and all active content
/// (<see cref="PdfActiveContent"/>) before it is stored. The saved result is read back and checked again: a file
/// whose active content survives the rewrite is refused, never stored.
/// </summary>
public static class PdfSanitizer
{
    public const string ActiveContentLeft =
        "Tài liệu PDF chứa mã lệnh (JavaScript), tệp nhúng hoặc liên kết không an toàn mà hệ thống không gỡ bỏ được. " +
        "Vui lòng in tài liệu ra một tệp PDF mới (chức năng “In” → “Lưu thành PDF”) rồi gửi lại.";

    public static (SanitizedPdf? Pdf, string? Error) Sanitize(byte[] content)
    {
        if (content.Length < 8 || !content.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            return (null, "Tệp không phải là tài liệu PDF hợp lệ.");
        try
        {
            using var document = PdfReader.Open(new MemoryStream(content), PdfDocumentOpenMode.Modify);
            if (document.PageCount == 0) return (null, "Tài liệu PDF không có trang nào.");
            document.Info.Elements.Clear();
            document.Internals.Catalog.Elements.Remove("/Metadata");
            PdfActiveContent.Remove(document);
            var pages = document.PageCount;
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            var saved = output.ToArray();
            using var check = PdfReader.Open(new MemoryStream(saved), PdfDocumentOpenMode.Import);
            if (PdfActiveContent.Find(check).Count > 0) return (null, ActiveContentLeft);
            return (new SanitizedPdf(saved, pages), null);
        }
        catch (PdfReaderException)
        {
            return (null, "Tài liệu PDF có mật khẩu hoặc bị mã hóa; vui lòng gửi bản không đặt mật khẩu.");
        }
        // PDFsharp reports malformed input with many exception types (often plain Exception): any failure to
        // parse an untrusted file means "not a usable PDF".
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, "Không đọc được tài liệu PDF: tệp bị hỏng hoặc không đúng định dạng.");
        }
    }
}
