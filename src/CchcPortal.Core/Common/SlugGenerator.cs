using System.Text;

namespace CchcPortal.Core.Common;

/// <summary>Vietnamese slugs without diacritics: "Đăng ký khai sinh" -> "dang-ky-khai-sinh".</summary>
public static class SlugGenerator
{
    public const int MaxLength = 120;

    public static string Slugify(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var ch in folded)
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (dash && sb.Length > 0) sb.Append('-');
                sb.Append(ch);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        var slug = sb.ToString();
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength];
            var cut = slug.LastIndexOf('-');
            if (cut > MaxLength / 2) slug = slug[..cut];
        }
        return slug.Trim('-');
    }

    /// <summary>The slug of <paramref name="text"/>, made unique by "-2", "-3", ... against <paramref name="isTaken"/>.</summary>
    public static async Task<string> UniqueAsync(string? text, Func<string, Task<bool>> isTaken, string fallback = "bai-viet")
    {
        var baseSlug = Slugify(text);
        if (baseSlug.Length == 0) baseSlug = fallback;
        var candidate = baseSlug;
        for (var n = 2; await isTaken(candidate); n++)
            candidate = $"{baseSlug}-{n}";
        return candidate;
    }

    public static bool IsWellFormed(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && slug == Slugify(slug);
}
