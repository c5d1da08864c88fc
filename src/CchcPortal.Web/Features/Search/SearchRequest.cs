using CchcPortal.Web.Infrastructure;
using System.Globalization;
using CchcPortal.Core.Search;
using Microsoft.Extensions.Primitives;

namespace CchcPortal.Web.Features.Search;

/// <summary>Reads a <see cref="SearchQuery"/> from the query string of /tim-kiem and /api/search; bad numbers fall back to defaults.</summary>
public static class SearchRequest
{
    public const string Text = "q";
    public const string Kind = "loai";
    public const string Field = "linh-vuc";
    public const string Agency = "co-quan";
    public const string Year = "nam";
    public const string Page = "trang";

    public static SearchQuery From(IQueryCollection q, int pageSize = 10)
    {
        static string? Value(StringValues v) => string.IsNullOrWhiteSpace(v) ? null : v.ToString().Trim();
        var text = Value(q[Text]) ?? "";
        if (text.Length > SearchQuery.MaxTextLength) text = text[..SearchQuery.MaxTextLength];
        // The English names are accepted too, for API users.
        var kind = Value(q[Kind]) ?? Value(q["kind"]);
        return new SearchQuery
        {
            Text = text,
            Kind = SearchKinds.All.Any(k => k.Kind == kind) ? kind : null,
            Field = Value(q[Field]) ?? Value(q["field"]),
            Agency = Value(q[Agency]) ?? Value(q["agency"]),
            Level = Value(q["level"]),
            Year = int.TryParse(Value(q[Year]) ?? Value(q["year"]), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? ListQuery.Year(y) : null,
            Page = int.TryParse(Value(q[Page]) ?? Value(q["page"]), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 100 ? p : 1,
            PageSize = int.TryParse(Value(q["pageSize"]), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is > 0 and <= SearchQuery.MaxPageSize ? s : pageSize,
        };
    }
}
