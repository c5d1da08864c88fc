using System.Globalization;
using System.Text.Json;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Indices;

internal sealed record CriterionSeed(string Code, string Name, decimal? MaxScore, string? ParentCode);
internal sealed record YearSeed(int Year, bool TotalIsSumOfFields, decimal? MaxTotal, List<CriterionSeed>? Criteria);
internal sealed record IndexSeed(string Code, string Name, string ShortName, string Unit, int SortOrder, string Description, List<YearSeed> Years);

/// <summary>
/// Seeds index definitions (content/seed/indices/definitions.json), the real published figures
/// (published-facts.csv, one row per figure with its source) and a sample departmental ranking.
/// </summary>
public sealed class IndexSeeder(PortalDbContext db, MarkdownRenderer markdown, IndexImporter importer)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task SeedDefinitionsAsync(string folder, CancellationToken ct)
    {
        var seeds = JsonSerializer.Deserialize<List<IndexSeed>>(await File.ReadAllTextAsync(Path.Combine(folder, "definitions.json"), ct), Json)!;
        foreach (var s in seeds)
        {
            var index = new IndexDefinition
            {
                Code = s.Code, Name = s.Name, ShortName = s.ShortName, Unit = s.Unit, SortOrder = s.SortOrder,
                DescriptionHtml = markdown.ToHtml(await File.ReadAllTextAsync(Path.Combine(folder, s.Description), ct)),
            };
            db.IndexDefinitions.Add(index);
            foreach (var y in s.Years)
            {
                var year = new IndexYear { Index = index, Year = y.Year, TotalIsSumOfFields = y.TotalIsSumOfFields, MaxTotal = y.MaxTotal };
                var order = 0;
                foreach (var c in y.Criteria ?? [])
                    year.Criteria.Add(new IndexCriterion { Code = c.Code, Name = c.Name, MaxScore = c.MaxScore, ParentCode = c.ParentCode ?? "", SortOrder = ++order });
                db.IndexYears.Add(year);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One result per index, year, scope and unit. Where sources disagree the first row is shown and the other
    /// figure is kept in its note with its source. SIPAS components become criteria scored on the national result.
    /// </summary>
    public async Task SeedPublishedFactsAsync(string file, CancellationToken ct)
    {
        var (table, error) = TabularFile.Read(await File.ReadAllBytesAsync(file, ct), ["chi_so", "nam", "loai_don_vi", "don_vi"]);
        if (table is null) throw new InvalidOperationException("published-facts.csv: " + error);
        var years = await db.IndexYears.Include(y => y.Index).Include(y => y.Criteria).ToListAsync(ct);
        var results = new Dictionary<(int, string, string), IndexResult>();
        foreach (var row in table.Rows)
        {
            var year = years.FirstOrDefault(y => y.Index!.Code == row["chi_so"] && y.Year.ToString(CultureInfo.InvariantCulture) == row["nam"])
                       ?? throw new InvalidOperationException($"published-facts.csv row {row.RowNumber}: no definition for {row["chi_so"]} {row["nam"]}");
            decimal? value = decimal.TryParse(row["gia_tri"], NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
            int? rank = int.TryParse(row["xep_hang"], out var r) ? r : null;
            var kind = row["loai_don_vi"];
            if (kind == "component")
            {
                var code = SlugGenerator.Slugify(row["don_vi"]).ToUpperInvariant();
                if (year.Criteria.All(c => c.Code != code))
                    year.Criteria.Add(new IndexCriterion { Code = code, Name = VietnameseText.Normalize(row["don_vi"]), MaxScore = 100, SortOrder = year.Criteria.Count + 1 });
                var nation = results.Values.First(x => x.IndexYearId == year.Id && x.Scope == IndexScopes.Nation);
                if (value is { } score) nation.Scores.Add(new IndexScore { CriterionCode = code, Value = score });
                continue;
            }
            var scope = kind switch
            {
                "province" => IndexScopes.Provinces,
                "ministry" => IndexScopes.Ministries,
                "region" => IndexScopes.Regions,
                _ => IndexScopes.Nation,
            };
            var name = kind == "aggregate" ? "Bình quân " + VietnameseText.Normalize(row["don_vi"]) : VietnameseText.Normalize(row["don_vi"]);
            if (name == "Bình quân cả nước") name = "Cả nước";
            var key = (year.Id, scope, SlugGenerator.Slugify(name));
            var source = SourceName(row["nguon_url"]);
            if (results.TryGetValue(key, out var kept))
            {
                kept.Note = $"{kept.Note} Nguồn khác ({source}) ghi {row["gia_tri"]}.".Trim();
                continue;
            }
            results[key] = new IndexResult
            {
                IndexYearId = year.Id, Scope = scope, SubjectName = name, SubjectSlug = key.Item3, Total = value, PublishedRank = rank,
                SourceName = source, SourceUrl = row["nguon_url"], Note = NoteFor(row["ghi_chu"], row["don_vi_tinh"], year.Index!.Unit),
            };
        }
        db.IndexResults.AddRange(results.Values);
        await db.SaveChangesAsync(ct);
    }

    public async Task SeedSampleAsync(string folder, CancellationToken ct)
    {
        foreach (var year in new[] { 2023, 2024 })
        {
            var file = Path.Combine(folder, $"sample-departments-{year}.csv");
            if (!File.Exists(file)) continue;
            var report = await importer.ImportAsync("PAR_INDEX", year, IndexScopes.Departments, await File.ReadAllBytesAsync(file, ct), isSample: true, ct);
            if (!report.Succeeded)
                throw new InvalidOperationException($"{file}: " + (report.FileError ?? string.Join("; ", report.Issues.Select(i => $"row {i.Row} {i.Column}: {i.Message}"))));
        }
    }

    private static string SourceName(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host.Replace("www.", "") : "";

    private static string NoteFor(string note, string unit, string indexUnit)
    {
        var n = VietnameseText.Normalize(note);
        // The CSV's working notes are in English; only the unit caveat is worth showing to citizens.
        return unit.Length > 0 && unit != indexUnit ? $"Đơn vị theo nguồn: {unit}." : n.StartsWith("CONFLICT") ? "Các nguồn công bố khác nhau." : "";
    }
}
