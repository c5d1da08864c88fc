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

/// <summary>Any ranking table as CSV or XLSX, in the same wide layout the importer reads.</summary>
public static class IndexExport
{
    public static void MapIndexExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/chi-so-cchc/{code}/{year:int}/xuat", async (string code, int year, string? scope, string? format, IndexQueries indices, CancellationToken ct) =>
        {
            var table = await indices.RankingAsync(code, year, scope, ct);
            if (table is null || (scope is not null && !table.Scopes.Contains(scope))) return Results.NotFound();
            var criteria = table.Year.Criteria.OrderBy(c => c.SortOrder).Select(c => c.Code).ToList();
            string[] fixedColumns = [IndexImporter.Slug, IndexImporter.Name, IndexImporter.Total, IndexImporter.Rank, IndexImporter.Source, IndexImporter.SourceUrl, IndexImporter.Note];
            var headers = fixedColumns.Concat(criteria).ToList();
            var rows = table.Rows.Select(r =>
            {
                var row = new Dictionary<string, string>
                {
                    [IndexImporter.Slug] = r.Result.SubjectSlug, [IndexImporter.Name] = r.Result.SubjectName,
                    [IndexImporter.Total] = r.Result.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    // Only a rank the source published is exported; computed ranks are recomputed on import.
                    [IndexImporter.Rank] = r.RankIsPublished ? r.Rank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" : "",
                    [IndexImporter.Source] = r.Result.SourceName, [IndexImporter.SourceUrl] = r.Result.SourceUrl, [IndexImporter.Note] = r.Result.Note,
                };
                foreach (var s in r.Result.Scores) row[s.CriterionCode] = s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (IReadOnlyDictionary<string, string>)row;
            }).ToList();
            var name = $"{code.ToLowerInvariant()}-{year}-{table.Scope}";
            return format == "xlsx"
                ? Results.File(CchcPortal.Core.Common.TabularFile.WriteXlsx($"{code} {year}", headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
                : Results.File(CchcPortal.Core.Common.TabularFile.WriteCsv(headers, rows), "text/csv; charset=utf-8", name + ".csv");
        }).CacheOutput(CachePolicies.Indices);
    }
}
