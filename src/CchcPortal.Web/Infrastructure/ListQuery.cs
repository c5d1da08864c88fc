using CchcPortal.Core.Common;

namespace CchcPortal.Web.Infrastructure;

/// <summary>Filters of public list pages: read from the query string, written back into paging links.</summary>
public static class ListQuery
{
    /// <summary>A typed filter value, or null when it is blank.</summary>
    public static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Normalize(value);

    /// <summary>The list's URL with only the filters that are set, e.g. "/van-ban?loai=K%E1%BA%BF..." (the pager adds trang=).</summary>
    public static string Url(string path, params (string Name, string? Value)[] parameters) =>
        path + "?" + string.Join("&", parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
