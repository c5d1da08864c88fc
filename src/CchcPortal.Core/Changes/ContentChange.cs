namespace CchcPortal.Core.Changes;

public enum ChangeOperation { Upsert = 0, Delete = 1 }

/// <summary>
/// One row of the change feed, written in the same transaction as the change it records.
/// Search indexers (and anything else derived from content) replay it after their last applied Id.
/// </summary>
public class ContentChange
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public int EntityId { get; set; }
    public ChangeOperation Operation { get; set; }
    public DateTime At { get; set; }
}

public static class ContentKinds
{
    public const string News = "news";
    public const string Page = "page";
    public const string Agency = "agency";
    public const string Procedure = "procedure";
    /// <summary>A result of an assessment index (PAR Index, SIPAS, PAPI), not the search index.</summary>
    public const string IndexResult = "index";
    public const string Question = "question";
    /// <summary>An episode of the programme "Dân hỏi – Thủ trưởng trả lời".</summary>
    public const string Episode = "episode";
    /// <summary>A văn bản of the documents library (same value as <see cref="CchcPortal.Core.Documents.DocumentText.Kind"/>).</summary>
    public const string Document = "document";
}
