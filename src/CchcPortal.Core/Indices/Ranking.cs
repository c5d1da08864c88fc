namespace CchcPortal.Core.Indices;

/// <summary>Competition ranking ("1224"): equal totals share a rank, the next rank skips.</summary>
public static class Ranking
{
    public static IReadOnlyDictionary<T, int> Rank<T>(IEnumerable<T> items, Func<T, decimal?> score) where T : notnull
    {
        var ordered = items.Where(i => score(i) is not null).OrderByDescending(i => score(i)).ToList();
        var ranks = new Dictionary<T, int>();
        for (var i = 0; i < ordered.Count; i++)
            ranks[ordered[i]] = i > 0 && score(ordered[i]) == score(ordered[i - 1]) ? ranks[ordered[i - 1]] : i + 1;
        return ranks;
    }
}
