using CchcPortal.Core.Common;

namespace CchcPortal.Core.Surveys;

/// <summary>A SIPAS dimension: its form field and the criterion code the seeded SIPAS definition gives it.</summary>
public sealed record SurveyDimension(int Index, string Field, string Name, string Question)
{
    /// <summary>The SIPAS criterion code, as IndexSeeder makes it from the published component's name.</summary>
    public string CriterionCode => SlugGenerator.Slugify(Name).ToUpperInvariant();
}

/// <summary>The five dimensions of SIPAS, the five-level scale and the channels, as the form and the results name them.</summary>
public static class SurveyDimensions
{
    public static readonly IReadOnlyList<SurveyDimension> All =
    [
        new(0, nameof(SurveySubmission.AccessRating), "Tiếp cận dịch vụ", "Tiếp cận dịch vụ (nơi tiếp nhận, chỉ dẫn, thời gian chờ, trang thiết bị)"),
        new(1, nameof(SurveySubmission.ProcedureRating), "Thủ tục hành chính", "Thủ tục hành chính (được niêm yết, hồ sơ, phí, thời hạn đúng quy định)"),
        new(2, nameof(SurveySubmission.OfficialRating), "Công chức trực tiếp giải quyết", "Công chức trực tiếp giải quyết (thái độ, hướng dẫn, đúng mực)"),
        new(3, nameof(SurveySubmission.ResultRating), "Kết quả giải quyết", "Kết quả giải quyết (đúng hạn, chính xác)"),
        new(4, nameof(SurveySubmission.FeedbackRating), "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị"),
    ];

    /// <summary>The scale, 1 to 5; SIPAS counts 4 and 5 as satisfied.</summary>
    public static readonly IReadOnlyList<(int Value, string Label)> Scale =
    [
        (1, "Rất không hài lòng"),
        (2, "Không hài lòng"),
        (3, "Bình thường"),
        (4, "Hài lòng"),
        (5, "Rất hài lòng"),
    ];

    public const int Satisfied = 4;

    public static readonly IReadOnlyList<(SurveyChannel Channel, string Label)> Channels =
    [
        (SurveyChannel.InPerson, "Trực tiếp"),
        (SurveyChannel.Online, "Trực tuyến"),
        (SurveyChannel.Post, "Dịch vụ bưu chính"),
    ];

    public static string ChannelName(SurveyChannel channel) => Channels.FirstOrDefault(c => c.Channel == channel).Label ?? "";
}
