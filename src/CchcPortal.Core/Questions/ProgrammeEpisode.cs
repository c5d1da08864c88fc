namespace CchcPortal.Core.Questions;

/// <summary>
/// One broadcast of the TV/radio programme "Dân hỏi – Thủ trưởng cơ quan hành chính trả lời": when, on what
/// topic, which heads took part, where to watch it, and the cases answered in it (<see cref="QuestionCase.EpisodeId"/>).
/// </summary>
public class ProgrammeEpisode
{
    public int Id { get; set; }
    public DateOnly AiredOn { get; set; }
    public string Topic { get; set; } = "";
    /// <summary>The heads taking part, one per line: "Giám đốc Sở Tư pháp Nguyễn Văn A".</summary>
    public string Participants { get; set; } = "";
    /// <summary>Sanitized rich text: what was discussed.</summary>
    public string SummaryHtml { get; set; } = "";
    /// <summary>A link to the recording (the broadcaster's page, YouTube ...).</summary>
    public string VideoUrl { get; set; } = "";
    /// <summary>Or an uploaded recording, as a media URL.</summary>
    public string MediaUrl { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateTime UpdatedAt { get; set; }
}
