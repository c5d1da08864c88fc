namespace CchcPortal.Core.Documents;

/// <summary>Vietnamese labels of the documents library.</summary>
public static class DocumentText
{
    /// <summary>The change-feed and citation source kind of documents.</summary>
    public const string Kind = Changes.ContentKinds.Document;

    public static string Status(DocumentStatus s) => s switch
    {
        DocumentStatus.InForce => "Còn hiệu lực",
        DocumentStatus.Expired => "Hết hiệu lực",
        DocumentStatus.Replaced => "Bị thay thế",
        _ => s.ToString(),
    };

    public static string Relation(DocumentRelationKind kind, bool outgoing) => (kind, outgoing) switch
    {
        (DocumentRelationKind.Replaces, true) => "Thay thế",
        (DocumentRelationKind.Replaces, false) => "Bị thay thế bởi",
        (DocumentRelationKind.Amends, true) => "Sửa đổi, bổ sung",
        (DocumentRelationKind.Amends, false) => "Được sửa đổi, bổ sung bởi",
        (DocumentRelationKind.Implements, true) => "Triển khai thực hiện",
        (DocumentRelationKind.Implements, false) => "Được triển khai bởi",
        _ => kind.ToString(),
    };

    /// <summary>The kind of a file as readers know it: "PDF", "Word (DOCX)", "Excel (XLSX)".</summary>
    public static string FileType(DocumentFile f) => f.ContentType switch
    {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word (DOCX)",
        "application/msword" => "Word (DOC)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel (XLSX)",
        "application/vnd.ms-excel" => "Excel (XLS)",
        _ => System.IO.Path.GetExtension(f.FileName).TrimStart('.').ToUpperInvariant(),
    };

    /// <summary>"Kế hoạch số 37/KH-UBND" or the type alone when the number is blank.</summary>
    public static string Title(LegalDocument d) => d.Number.Length > 0 ? $"{d.DocType} số {d.Number}" : $"{d.DocType} (chưa có số)";
}
