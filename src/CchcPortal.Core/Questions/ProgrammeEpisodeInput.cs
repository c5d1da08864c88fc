using CchcPortal.Core.Common;

namespace CchcPortal.Core.Questions;

/// <summary>What a manager types for an episode; <see cref="Validate"/> checks and normalises it.</summary>
public sealed class ProgrammeEpisodeInput
{
    public const int MaxTopic = 300;
    public const int MaxVideoUrl = 500;
    public const int MaxParticipants = 30;
    public const int MaxParticipantLine = 200;
    public const int MaxSummaryHtml = 200_000;
    /// <summary>The programme dates back years; nothing aired before this is plausible.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public DateOnly? AiredOn { get; set; }
    public string? Topic { get; set; }
    public string? Participants { get; set; }
    public string? SummaryHtml { get; set; }
    public string? VideoUrl { get; set; }

    /// <summary>
    /// Checks the input against <paramref name="today"/> (Vietnam time): an episode may be entered up to a year
    /// ahead (announced broadcasts), never before <see cref="Earliest"/>.
    /// </summary>
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        if (AiredOn is not { } date) errors.Add(nameof(AiredOn), "Vui lòng nhập ngày phát sóng.");
        else if (date < Earliest || date > today.AddYears(1))
            errors.Add(nameof(AiredOn), $"Ngày phát sóng phải từ {ProgrammeEpisodeQueries.DateText(Earliest)} đến {ProgrammeEpisodeQueries.DateText(today.AddYears(1))}.");

        var topic = VietnameseText.Normalize(Topic);
        if (topic.Length == 0) errors.Add(nameof(Topic), "Vui lòng nhập chủ đề của chương trình.");
        else if (topic.Length > MaxTopic) errors.Add(nameof(Topic), $"Chủ đề dài tối đa {MaxTopic} ký tự.");

        var lines = ParticipantLines(Participants);
        if (lines.Count > MaxParticipants) errors.Add(nameof(Participants), $"Tối đa {MaxParticipants} người tham gia.");
        if (lines.Any(l => l.Length > MaxParticipantLine)) errors.Add(nameof(Participants), $"Mỗi dòng người tham gia dài tối đa {MaxParticipantLine} ký tự.");

        errors.MaxLength(nameof(SummaryHtml), SummaryHtml, MaxSummaryHtml, "Tóm tắt nội dung");

        var url = (VideoUrl ?? "").Trim();
        if (url.Length > MaxVideoUrl) errors.Add(nameof(VideoUrl), $"Đường dẫn video dài tối đa {MaxVideoUrl} ký tự.");
        else if (url.Length > 0 && !IsWebUrl(url)) errors.Add(nameof(VideoUrl), "Đường dẫn video phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://.");
        return errors;
    }

    /// <summary>One person per line, whitespace collapsed, blank lines and repeats dropped, order kept.</summary>
    public static IReadOnlyList<string> ParticipantLines(string? text) =>
        VietnameseText.NormalizeLines(text).Split('\n')
            .Select(VietnameseText.Normalize).Where(l => l.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
}
