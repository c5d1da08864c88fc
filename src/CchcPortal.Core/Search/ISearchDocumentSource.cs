using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Core.Search;

/// <summary>
/// Builds the search documents of one content kind from the database. Only public items come back: an id asked
/// for and not returned is removed from the index.
/// </summary>
public interface ISearchDocumentSource
{
    string Kind { get; }

    /// <summary>True when the kind's documents do not map one-to-one to entity ids: every change rebuilds the kind.</summary>
    bool ReplacesWholeKind => false;

    /// <summary>The public documents for <paramref name="ids"/>, or for every public item when ids is null.</summary>
    /// <remarks>
    /// Filter with <c>EF.Parameter(ids.ToArray()).Contains(x.Id)</c>: one array parameter (json_each on SQLite, ANY on
    /// PostgreSQL), so the SQL is generated once. EF 10's default expands the ids into one parameter each, and makes the
    /// SQL again for every batch and split query: two thirds of a first start's procedure loading (docs/benchmarks.md).
    /// </remarks>
    Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct);

    /// <summary>
    /// For a full rebuild of a big kind: every id of its table in order (public or not: <see cref="LoadAsync"/> keeps
    /// only the public ones), so the rebuild loads it batch by batch. Null: the kind is small, load it in one go.
    /// </summary>
    Task<IReadOnlyList<int>?> IdsForRebuildAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<int>?>(null);
}

public static class SearchDocumentSourceRegistration
{
    /// <summary>Adds a feature's search documents; the indexer and a rebuild take every source registered.</summary>
    public static IServiceCollection AddSearchDocuments<TSource>(this IServiceCollection services)
        where TSource : class, ISearchDocumentSource =>
        services.AddScoped<ISearchDocumentSource, TSource>();
}
