namespace CchcPortal.Core.News;

/// <summary>Where a post stands. The numbers are stored: never renumber them.</summary>
public enum PublicationStatus
{
    /// <summary>Being written, or returned to its author with a comment.</summary>
    Draft = 0,
    /// <summary>Approved with a publication time still to come.</summary>
    Scheduled = 1,
    Published = 2,
    Archived = 3,
    /// <summary>Chờ biên tập: a contributor submitted it to the editors.</summary>
    AwaitingEdit = 4,
    /// <summary>Chờ duyệt: an editor submitted it to the editorial board's head.</summary>
    AwaitingApproval = 5,
    /// <summary>Đã duyệt: ready to publish or schedule.</summary>
    Approved = 6,
}

/// <summary>A news item of the CCHC column (tin tức, gương điển hình, văn bản chỉ đạo, ...).</summary>
public class Post
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Sanitized HTML; never stored unsanitized.</summary>
    public string BodyHtml { get; set; } = "";
    /// <summary>Lower-case, diacritics-free title + summary for simple matching until full-text search lands.</summary>
    public string SearchText { get; set; } = "";
    public string? FeaturedImage { get; set; }
    public string? FeaturedImageAlt { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public PublicationStatus Status { get; set; }
    /// <summary>UTC. For Published: when it went public; for Scheduled: when it will.</summary>
    public DateTime? PublishedAt { get; set; }
    public bool IsFeatured { get; set; }
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<PostRevision> Revisions { get; set; } = [];

    public bool IsPublicAt(DateTime utcNow) =>
        Status is PublicationStatus.Published or PublicationStatus.Scheduled
        && PublishedAt is { } at && at <= utcNow;
}

public class Category
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
}

public class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public List<Post> Posts { get; set; } = [];
}

/// <summary>A snapshot of a post taken at every save, so an editor can see and restore earlier versions.</summary>
public class PostRevision
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string AuthorName { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public int CategoryId { get; set; }
    public string TagNames { get; set; } = "";
    public string? FeaturedImage { get; set; }
    public string? FeaturedImageAlt { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
}
