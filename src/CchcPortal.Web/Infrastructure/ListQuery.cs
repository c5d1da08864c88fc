using CchcPortal.Core.Common;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Filters of list pages and JSON lists: read from the query string, written back into paging links. Numbers typed
/// by hand in a URL go through <see cref="Year"/> and <see cref="Page"/>, so no value can reach a date or an
/// offset computation out of range.
/// </summary>
public static class ListQuery
{
    /// <summary>The years any content of the portal can have (documents since 1945, answers and results since 2000).</summary>
    public const int MinYear = 1900, MaxYear = 2100;

    /// <summary>Far past any list's end (a page past the end answers 404), far below an overflowing offset.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>A typed filter value, or null when it is blank.</summary>
    public static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Normalize(value);

    /// <summary>Typed search words cut to <paramref name="maxLength"/> characters, or null when nothing is left of them.</summary>
    public static string? Words(string? value, int maxLength) =>
        VietnameseText.Normalize(value) is { Length: > 0 } words ? words[..Math.Min(words.Length, maxLength)] : null;

    /// <summary>A year filter, or null (no filter) when it is outside <see cref="MinYear"/>..<see cref="MaxYear"/>.</summary>
    public static int? Year(int? value) => value is >= MinYear and <= MaxYear ? value : null;

    /// <summary>A page number: below 1 is the first page, above <see cref="MaxPage"/> is <see cref="MaxPage"/> (past the end).</summary>
    public static int Page(int value) => Math.Clamp(value, 1, MaxPage);

    /// <summary>The list's URL with only the filters that are set, e.g. "/van-ban?loai=K%E1%BA%BF..." (the pager adds trang=).</summary>
    public static string Url(string path, params (string Name, string? Value)[] parameters) =>
        path + "?" + string.Join("&", parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
