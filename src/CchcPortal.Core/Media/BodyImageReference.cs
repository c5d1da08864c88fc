using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CchcPortal.Core.Media;

/// <summary>
/// How a body &lt;img&gt; refers to the media library: data-media-id (what the editor's image picker inserts) or, in
/// posts written before it, the stored image's URL, original (/media/images/...) or a variant (/media/v/640/images/....webp).
/// </summary>
public static partial class BodyImageReference
{
    public const string IdAttribute = "data-media-id";
    public const string ImagesPrefix = "/media/images/";

    [GeneratedRegex(@"^/media/v/\d+/(images/.+)\.(webp|jpg)$")] private static partial Regex VariantPattern();

    public static int? MediaId(IElement img) =>
        int.TryParse(img.GetAttribute(IdAttribute), System.Globalization.NumberStyles.None, null, out var id) && id > 0 ? id : null;

    /// <summary>The original's URL behind a stored image's URL (original or variant); null for anything else.</summary>
    public static string? StoredUrl(string? src)
    {
        if (string.IsNullOrEmpty(src) || src.Contains("..", StringComparison.Ordinal)) return null;
        var path = src.Split('?', '#')[0];
        if (path.StartsWith(ImagesPrefix, StringComparison.Ordinal)) return path;
        return VariantPattern().Match(path) is { Success: true } m ? "/media/" + m.Groups[1].Value : null;
    }
}
