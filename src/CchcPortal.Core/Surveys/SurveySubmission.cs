using CchcPortal.Core.Common;

namespace CchcPortal.Core.Surveys;

/// <summary>What the public survey form sends. Messages are Vietnamese and name the field.</summary>
public sealed class SurveySubmission
{
    public const int MaxProcedure = 300;

    public int? AgencyId { get; set; }
    /// <summary>The procedure's code or (part of) its name, optional; resolved by <see cref="SurveyService"/>.</summary>
    public string? Procedure { get; set; }
    public SurveyChannel? Channel { get; set; }
    public int? AccessRating { get; set; }
    public int? ProcedureRating { get; set; }
    public int? OfficialRating { get; set; }
    public int? ResultRating { get; set; }
    public int? FeedbackRating { get; set; }
    public string? Comment { get; set; }

    public int? Rating(SurveyDimension d) => d.Index switch
    {
        0 => AccessRating, 1 => ProcedureRating, 2 => OfficialRating, 3 => ResultRating, _ => FeedbackRating,
    };

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        if (AgencyId is null) e.Add(nameof(AgencyId), "Vui lòng chọn cơ quan đã giải quyết việc của bạn.");
        e.MaxLength(nameof(Procedure), VietnameseText.Normalize(Procedure), MaxProcedure, "Thủ tục");
        if (Channel is not { } channel || !Enum.IsDefined(channel)) e.Add(nameof(Channel), "Vui lòng chọn cách bạn đã thực hiện (trực tiếp, trực tuyến hoặc bưu chính).");
        foreach (var d in SurveyDimensions.All)
            if (Rating(d) is not (>= 1 and <= 5))
                e.Add(d.Field, $"Vui lòng chọn mức hài lòng về {d.Name.ToLowerInvariant()} (từ “Rất không hài lòng” đến “Rất hài lòng”).");
        // Checked as it will be stored, like the question form's text.
        e.MaxLength(nameof(Comment), CleanComment(Comment), SurveyResponse.MaxComment, "Góp ý");
        return e;
    }

    public static string CleanComment(string? comment) => VietnameseText.NormalizeLines(comment).Trim();
}
