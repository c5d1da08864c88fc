using CchcPortal.Core.Changes;
using System.Globalization;
using CchcPortal.Core.Search;

namespace CchcPortal.Core.Procedures;

/// <summary>
/// The procedures matching a search text in the order of the site search (/tim-kiem): the list and the API order
/// their matches by it ("Liên quan nhất"). Null while the search index is not ready (empty or never committed).
/// </summary>
public sealed class ProcedureRanking(ISearchIndex index)
{
    /// <summary>The search engine's own cap on ranked hits; matches beyond it follow in name order.</summary>
    public const int MaxRanked = 1000;

    public IReadOnlyList<int>? RankedIds(string text)
    {
        if (index.CommittedSequence is null || index.DocumentCount == 0) return null;
        var keys = index.RankedKeys(new SearchQuery { Text = text, Kind = ContentKinds.Procedure }, MaxRanked);
        var prefix = ContentKinds.Procedure + ":";
        return keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => int.TryParse(k.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToList();
    }
}
