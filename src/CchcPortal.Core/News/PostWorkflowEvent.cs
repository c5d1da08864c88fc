namespace CchcPortal.Core.News;

/// <summary>The moves of the editorial workflow (one method each in <see cref="PostWorkflowService"/>).</summary>
public enum PostMove
{
    Submit = 0,
    Return = 1,
    Approve = 2,
    Schedule = 3,
    Publish = 4,
    Unpublish = 5,
    Archive = 6,
    /// <summary>An editor changed an approved, scheduled or published post: it goes back to the approver.</summary>
    Reopen = 7,
}

/// <summary>One move of a post through the workflow: who, when, from, to, and the comment (required to return).</summary>
public class PostWorkflowEvent
{
    public const int MaxComment = 2000;

    public int Id { get; set; }
    public int PostId { get; set; }
    public DateTime At { get; set; }
    /// <summary>Null for the publishing timer.</summary>
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public PostMove Move { get; set; }
    public PublicationStatus From { get; set; }
    public PublicationStatus To { get; set; }
    public string Comment { get; set; } = "";
}
