using System.Text.RegularExpressions;
using Changes = CchcPortal.Core.Changes;

namespace CchcPortal.Core.PageFeedback;

/// <summary>
/// The page a vote is about, as the widget's hidden field sends it: a local public path (no scheme, host, query or
/// dot), outside the manager, the accounts, the error pages and the feedback pages themselves. Paths of one item
/// (a procedure, a news article, a document, an agency) name its kind and slug, so votes can be counted per item.
/// </summary>
public static partial class FeedbackPath
{
    public const int MaxLength = 300;
    public const string InvalidMessage = "Địa chỉ trang được góp ý không hợp lệ.";

    [GeneratedRegex(@"^/(?:[A-Za-z0-9-]+(?:/[A-Za-z0-9-]+)*)?$")] private static partial Regex LocalPath();
    [GeneratedRegex(@"^/(thu-tuc-hanh-chinh|tin-tuc|van-ban|co-quan)/([a-z0-9-]+)$")] private static partial Regex ItemPath();

    private static readonly string[] NotPublic = ["quan-tri", "tai-khoan", "loi", "y-kien-trang", "media"];

    public static bool IsValid(string? path) =>
        path is { Length: > 0 and <= MaxLength } && LocalPath().IsMatch(path) && !NotPublic.Contains(FirstSegment(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The content kind and slug of a page that shows one item, or null for any other page.</summary>
    public static (string Kind, string Slug)? Item(string path) =>
        ItemPath().Match(path) is { Success: true } m
            ? (m.Groups[1].Value switch
            {
                "thu-tuc-hanh-chinh" => Changes.ContentKinds.Procedure,
                "tin-tuc" => Changes.ContentKinds.News,
                "van-ban" => Changes.ContentKinds.Document,
                _ => Changes.ContentKinds.Agency,
            }, m.Groups[2].Value)
            : null;

    private static string FirstSegment(string path)
    {
        var end = path.IndexOf('/', 1);
        return end < 0 ? path[1..] : path[1..end];
    }
}
