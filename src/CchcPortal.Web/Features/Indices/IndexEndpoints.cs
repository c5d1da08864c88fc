using CchcPortal.Core.Indices;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Indices;

/// <summary>JSON of the index results: /api/indices and /api/indices/{code}/{year}?scope=.</summary>
public static class IndexEndpoints
{
    public static void MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/indices", async (IndexQueries indices, CancellationToken ct) =>
                Results.Json((await indices.IndicesAsync(ct)).Select(i => new { code = i.Code, name = i.Name, unit = i.Unit })))
            .CacheOutput(CachePolicies.Indices);

        app.MapGet("/api/indices/{code}/{year:int}", async (string code, int year, string? scope, IndexQueries indices, CancellationToken ct) =>
        {
            var table = await indices.RankingAsync(code, year, scope, ct);
            if (table is null || (scope is not null && !table.Scopes.Contains(scope)))
                return Results.NotFound(new { error = "Không có số liệu cho chỉ số, năm hoặc phạm vi này." });
            return Results.Json(new
            {
                index = table.Index.Code, name = table.Index.Name, year = table.Year.Year, unit = table.Index.Unit, scope = table.Scope, scopes = table.Scopes,
                criteria = table.Year.Criteria.OrderBy(c => c.SortOrder).Select(c => new { code = c.Code, name = c.Name, parent = c.ParentCode, max = c.MaxScore }),
                results = table.Rows.Select(r => new
                {
                    subject = r.Result.SubjectName, slug = r.Result.SubjectSlug, total = r.Result.Total, rank = r.Rank, rankIsPublished = r.RankIsPublished,
                    scores = r.Result.Scores.ToDictionary(s => s.CriterionCode, s => s.Value),
                    source = r.Result.SourceName, sourceUrl = r.Result.SourceUrl, note = r.Result.Note, sampleData = r.Result.IsSampleData,
                }),
            });
        }).CacheOutput(CachePolicies.Indices);
    }
}
