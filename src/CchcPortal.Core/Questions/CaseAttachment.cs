namespace CchcPortal.Core.Questions;

/// <summary>
/// A file the citizen attached (image or PDF), checked by content and stored outside wwwroot with its metadata
/// stripped. Only case handlers can download it; it is never published.
/// </summary>
public class CaseAttachment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    /// <summary>The name the citizen's file had, cleaned; shown to staff only.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    /// <summary>Path relative to the private attachments folder.</summary>
    public string StoredPath { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}
