namespace CchcPortal.Core.Questions;

/// <summary>Who attached a file: the citizen with the question, or the agency with its answer.</summary>
public enum AttachmentOrigin { Citizen = 0, Agency = 1 }

/// <summary>
/// A file attached to a case (image or PDF), checked by content and stored outside wwwroot with its metadata
/// stripped. The citizen's files only case handlers can download; the agency's files go with the answer to the asker
/// (tracking page, code and secret). Neither is ever published.
/// </summary>
public class CaseAttachment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public AttachmentOrigin Origin { get; set; }
    /// <summary>The name the citizen's file had, cleaned; shown to staff only.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    /// <summary>Path relative to the private attachments folder.</summary>
    public string StoredPath { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}
