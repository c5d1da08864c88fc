namespace CchcPortal.Core.Documents;

public enum DocumentStatus { InForce = 0, Expired = 1, Replaced = 2 }

/// <summary>
/// A văn bản in the documents library: a directive, decision, plan, law... with its số ký hiệu, issuer, dates,
/// signer, trích yếu, files and, when there is text, an HTML body. Relations say what it replaces, amends or
/// implements; citations say which pages mention it.
/// </summary>
public class LegalDocument
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    /// <summary>Số ký hiệu as written officially ("224/QĐ-UBND"); empty for drafts that carry no number yet.</summary>
    public string Number { get; set; } = "";
    /// <summary>Comparison key of the number (folded, upper case): how citations find the document.</summary>
    public string NumberKey { get; set; } = "";
    /// <summary>Loại văn bản: Quyết định, Kế hoạch, Nghị quyết...</summary>
    public string DocType { get; set; } = "";
    public string Issuer { get; set; } = "";
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public string Signer { get; set; } = "";
    /// <summary>Trích yếu: what the document is about, in one sentence.</summary>
    public string Summary { get; set; } = "";
    public string Field { get; set; } = "";
    public DocumentStatus Status { get; set; }
    public int? ReplacedById { get; set; }
    public string BodyHtml { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<DocumentFile> Files { get; set; } = [];
}

/// <summary>A downloadable file of a document (PDF, DOCX, XLSX), stored in the media library.</summary>
public class DocumentFile
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public string Url { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public int SortOrder { get; set; }
}

public enum DocumentRelationKind { Replaces = 0, Amends = 1, Implements = 2 }

/// <summary>"From replaces / amends / implements To", entered by editors.</summary>
public class DocumentRelation
{
    public int Id { get; set; }
    public int FromId { get; set; }
    public int ToId { get; set; }
    public DocumentRelationKind Kind { get; set; }
}

/// <summary>
/// A reference to a document found in a page's text (a post, a plan, a procedure's legal bases, another document).
/// Resolved when the library holds the document; otherwise listed for editors as "văn bản chưa có trong thư viện".
/// </summary>
public class CitationLink
{
    public int Id { get; set; }
    public string SourceKind { get; set; } = "";
    public int SourceId { get; set; }
    /// <summary>The key the reference resolves by: the number's key, or the folded name of a named law.</summary>
    public string Key { get; set; } = "";
    /// <summary>The reference as written in the source, e.g. "Quyết định số 224/QĐ-UBND ngày 18/02/2019".</summary>
    public string Text { get; set; } = "";
    public int? DocumentId { get; set; }
}
