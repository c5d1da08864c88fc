namespace CchcPortal.Core.PageFeedback;

/// <summary>
/// One answer to "Trang này có hữu ích không?": the page, whether it helped, and after "Không" an optional note of what
/// was missing. Nothing identifies the visitor: no address, no account, no time finer than the day (Vietnam time).
/// </summary>
public class PageVote
{
    public int Id { get; set; }
    /// <summary>The public path voted on, as the page carried it ("/thu-tuc-hanh-chinh/dang-ky-khai-sinh").</summary>
    public string Path { get; set; } = "";
    /// <summary>The content kind (ContentKinds: procedure, news, document, agency) when the page shows one item; null otherwise.</summary>
    public string? Kind { get; set; }
    /// <summary>The id of that item, so votes stay together when its slug changes.</summary>
    public int? ItemId { get; set; }
    public bool Helpful { get; set; }
    /// <summary>What was missing (after "Không"), personal data masked; only editors read it.</summary>
    public string? Comment { get; set; }
    /// <summary>The day of the vote in Vietnam.</summary>
    public DateOnly Day { get; set; }
    /// <summary>When an editor marked the comment dealt with, and who.</summary>
    public DateTime? HandledAt { get; set; }
    public string? HandledBy { get; set; }
}
