namespace CchcPortal.Core.Surveys;

/// <summary>
/// One citizen's rating of the service an agency gave them (SIPAS-style). Nothing in it identifies the person: no
/// name, contact or address, and no IP address, in clear or hashed.
/// </summary>
public class SurveyResponse
{
    public const int MaxComment = 1000;

    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int? ProcedureId { get; set; }
    public SurveyChannel Channel { get; set; }
    /// <summary>The five SIPAS dimensions, 1 (rất không hài lòng) to 5 (rất hài lòng), in <see cref="SurveyDimensions.All"/> order.</summary>
    public int AccessRating { get; set; }
    public int ProcedureRating { get; set; }
    public int OfficialRating { get; set; }
    public int ResultRating { get; set; }
    public int FeedbackRating { get; set; }
    public DateTime SubmittedAt { get; set; }
    /// <summary>The month in Vietnam time as yyyyMM (202612), so results group by month and year on any database.</summary>
    public int Month { get; set; }
    public SurveyResponseStatus Status { get; set; }
    public string Comment { get; set; } = "";
    public SurveyCommentStatus CommentStatus { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string ReviewedBy { get; set; } = "";

    public int Rating(int dimension) => dimension switch
    {
        0 => AccessRating, 1 => ProcedureRating, 2 => OfficialRating, 3 => ResultRating, 4 => FeedbackRating,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}

public enum SurveyChannel
{
    InPerson = 1,
    Online = 2,
    Post = 3,
}

/// <summary>Whether the ratings count: a response of a statistical burst waits for a moderator.</summary>
public enum SurveyResponseStatus
{
    Counted = 0,
    Flagged = 1,
    Rejected = 2,
}

/// <summary>A comment is shown nowhere until a moderator approves it.</summary>
public enum SurveyCommentStatus
{
    None = 0,
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}
