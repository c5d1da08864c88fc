using System.Globalization;
using CchcPortal.Core.Common;
using CchcPortal.Core.Surveys;

namespace CchcPortal.Web.Features.Surveys;

/// <summary>The year's results as CSV/XLSX (/danh-gia-hai-long/xuat) and JSON (/api/danh-gia-hai-long): the figures the page shows, nothing more.</summary>
public static class SurveyEndpoints
{
    public static void MapSurveyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SurveyPaths.Results + "/xuat", async (int? nam, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "dinh-dang")] string? format,
            SurveyResults results, TimeProvider time, CancellationToken ct) =>
        {
            if (!SurveyYear.IsPlausible(nam)) return Results.NotFound();
            var year = nam ?? SurveyYear.Current(time);
            var rows = await results.YearAsync(year, ct);
            var headers = new List<string> { "ma_don_vi", "ten_don_vi", "so_phieu", "du_du_lieu", "ti_le_hai_long", "sai_so_95" };
            headers.AddRange(SurveyDimensions.All.Select(d => d.CriterionCode.ToLowerInvariant()));
            var table = rows.Select(r =>
            {
                var cells = new Dictionary<string, string>
                {
                    ["ma_don_vi"] = r.Slug, ["ten_don_vi"] = r.Name, ["so_phieu"] = r.Counts.Responses.ToString(CultureInfo.InvariantCulture),
                    ["du_du_lieu"] = r.Enough ? "có" : "chưa đủ dữ liệu",
                };
                if (r.Enough)
                {
                    cells["ti_le_hai_long"] = SurveyNumbers.Invariant(r.Counts.Overall);
                    cells["sai_so_95"] = SurveyNumbers.Invariant(r.Counts.Margin);
                    foreach (var d in SurveyDimensions.All) cells[d.CriterionCode.ToLowerInvariant()] = SurveyNumbers.Invariant(r.Counts.Share(d.Index));
                }
                return (IReadOnlyDictionary<string, string>)cells;
            }).ToList();
            var name = $"danh-gia-hai-long-{year}";
            return format == "xlsx"
                ? Results.File(TabularFile.WriteXlsx($"Hài lòng {year}", headers, table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
                : Results.File(TabularFile.WriteCsv(headers, table, neutraliseFormulas: true), "text/csv; charset=utf-8", name + ".csv");
        }).CacheOutput(SurveyPaths.CachePolicy);

        app.MapGet(SurveyPaths.Api, async (int? nam, SurveyResults results, TimeProvider time, CancellationToken ct) =>
        {
            if (!SurveyYear.IsPlausible(nam)) return Results.NotFound();
            var year = nam ?? SurveyYear.Current(time);
            var rows = await results.YearAsync(year, ct);
            return Results.Json(new
            {
                year, minimumResponses = results.MinimumResponses,
                dimensions = SurveyDimensions.All.Select(d => new { code = d.CriterionCode, name = d.Name }),
                agencies = rows.Select(r => new
                {
                    slug = r.Slug, name = r.Name, responses = r.Counts.Responses, enoughData = r.Enough,
                    satisfied = r.Enough ? Math.Round(r.Counts.Overall, 2) : (double?)null,
                    margin95 = r.Enough ? Math.Round(r.Counts.Margin, 2) : (double?)null,
                    dimensions = r.Enough ? SurveyDimensions.All.ToDictionary(d => d.CriterionCode, d => Math.Round(r.Counts.Share(d.Index), 2)) : null,
                }),
            });
        }).CacheOutput(SurveyPaths.CachePolicy);
    }

}

public static class SurveyYear
{
    public static int Current(TimeProvider time) => VnFormat.ToLocal(time.GetUtcNow().UtcDateTime).Year;

    /// <summary>No year asked (the current one), or one a survey could have: anything else is a 404, not a query.</summary>
    public static bool IsPlausible(int? year) => year is null or (>= 2000 and <= 2100);
}
