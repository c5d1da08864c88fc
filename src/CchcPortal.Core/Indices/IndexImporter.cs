using System.Globalization;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Indices;

/// <summary>
/// Imports results of one index-year and ranking scope in the wide layout: one row per subject, one column per
/// criterion code of that year (docs/indices-import.md). Scores above their maximum, totals that differ from the
/// sum of fields (where the year says they must match) and duplicate subjects reject the whole file, row by row.
/// </summary>
public sealed class IndexImporter(PortalDbContext db, ChangeFeed feed)
{
    public const string Slug = "ma_don_vi", Name = "ten_don_vi", Total = "tong_diem", Rank = "xep_hang", Source = "nguon", SourceUrl = "nguon_url", Note = "ghi_chu";
    private static readonly HashSet<string> Fixed = [Slug, Name, Total, Rank, Source, SourceUrl, Note];

    public async Task<ImportReport> ImportAsync(string indexCode, int year, string scope, byte[] content, bool isSample = false, CancellationToken ct = default)
    {
        var (table, error) = TabularFile.Read(content, [Name]);
        if (table is null) return new ImportReport { FileError = error };
        return await ImportTableAsync(indexCode, year, scope, table, isSample, ct);
    }

    /// <summary>One unit entered by hand in the manager: the same checks as a file of one row.</summary>
    public Task<ImportReport> ImportOneAsync(string indexCode, int year, string scope, IReadOnlyDictionary<string, string> cells, CancellationToken ct = default) =>
        ImportTableAsync(indexCode, year, scope,
            new TableData(cells.Keys.Select(k => k.ToLowerInvariant()).ToList(), [new TableRow(1, cells.ToDictionary(c => c.Key.ToLowerInvariant(), c => VietnameseText.Normalize(c.Value)))]),
            false, ct);

    private async Task<ImportReport> ImportTableAsync(string indexCode, int year, string scope, TableData table, bool isSample, CancellationToken ct)
    {
        var report = new ImportReport();
        var indexYear = await db.IndexYears.Include(y => y.Criteria).Include(y => y.Index)
            .FirstOrDefaultAsync(y => y.Index!.Code == indexCode && y.Year == year, ct);
        if (indexYear is null) { report.FileError = $"Chưa có định nghĩa chỉ số {indexCode} năm {year}: hãy tạo bộ tiêu chí của năm trước khi nhập kết quả."; return report; }
        if (table.Headers.Contains(LongCriterion)) table = Widen(table);
        var criteria = indexYear.Criteria.ToDictionary(c => c.Code.ToLowerInvariant());
        var unknown = table.Headers.Where(h => h.Length > 0 && !Fixed.Contains(h) && !criteria.ContainsKey(h)).ToList();
        if (unknown.Count > 0) { report.FileError = $"Cột không phải mã tiêu chí của {indexCode} năm {year}: {string.Join(", ", unknown)}."; return report; }
        var fields = indexYear.Criteria.Where(c => c.ParentCode.Length == 0).Select(c => c.Code.ToLowerInvariant()).ToList();

        var parsed = new List<IndexResult>();
        var seen = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            void Issue(string column, string message) => report.Issues.Add(new(row.RowNumber, column, message));
            var name = VietnameseText.Normalize(row[Name]);
            if (name.Length == 0) { Issue(Name, "Thiếu tên đơn vị."); continue; }
            var slug = row[Slug].Length > 0 ? row[Slug] : SlugGenerator.Slugify(name);
            if (!SlugGenerator.IsWellFormed(slug)) { Issue(Slug, $"Mã đơn vị \"{slug}\" chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang."); continue; }
            if (seen.TryGetValue(slug, out var first)) { Issue(Slug, $"Đơn vị \"{name}\" trùng với dòng {first}."); continue; }
            seen[slug] = row.RowNumber;

            var result = new IndexResult
            {
                IndexYearId = indexYear.Id, Scope = scope, SubjectName = name, SubjectSlug = slug, IsSampleData = isSample,
                SourceName = VietnameseText.Normalize(row[Source]), SourceUrl = row[SourceUrl].Trim(), Note = VietnameseText.Normalize(row[Note]),
            };
            if (ParseNumber(row[Total], out var total) is { } totalError) Issue(Total, totalError);
            else result.Total = total;
            if (row[Rank].Length > 0)
            {
                if (int.TryParse(row[Rank], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank) && rank > 0) result.PublishedRank = rank;
                else Issue(Rank, $"Xếp hạng \"{row[Rank]}\" phải là số nguyên dương.");
            }
            if (result.Total is { } t && indexYear.MaxTotal is { } maxTotal && t > maxTotal)
                Issue(Total, $"Tổng điểm {Format(t)} vượt tối đa {Format(maxTotal)}.");
            foreach (var (code, criterion) in criteria)
            {
                if (ParseNumber(row[code], out var value) is { } valueError) { Issue(code, valueError); continue; }
                if (value is not { } v) continue;
                if (v < 0) Issue(code, $"Điểm {Format(v)} của {criterion.Code} không được âm.");
                else if (criterion.MaxScore is { } max && v > max) Issue(code, $"Điểm {Format(v)} của {criterion.Code} ({criterion.Name}) vượt tối đa {Format(max)}.");
                result.Scores.Add(new IndexScore { CriterionCode = criterion.Code, Value = v });
            }
            if (indexYear.TotalIsSumOfFields && result.Total is { } sumTotal && fields.Count > 0
                && fields.All(f => result.Scores.Any(s => s.CriterionCode.Equals(f, StringComparison.OrdinalIgnoreCase))))
            {
                var sum = result.Scores.Where(s => fields.Contains(s.CriterionCode.ToLowerInvariant())).Sum(s => s.Value);
                if (Math.Abs(sum - sumTotal) > 0.01m) Issue(Total, $"Tổng điểm {Format(sumTotal)} khác tổng điểm các lĩnh vực {Format(sum)}.");
            }
            parsed.Add(result);
        }
        if (!report.Succeeded) return report;
        if (parsed.Count == 0) { report.FileError = "Tệp không có dòng dữ liệu nào."; return report; }

        var existing = await db.IndexResults.Include(r => r.Scores)
            .Where(r => r.IndexYearId == indexYear.Id && r.Scope == scope).ToDictionaryAsync(r => r.SubjectSlug, ct);
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Slug, a => a.Id, ct);
        foreach (var r in parsed)
        {
            r.AgencyId = agencies.TryGetValue(r.SubjectSlug, out var agencyId) ? agencyId : null;
            if (existing.TryGetValue(r.SubjectSlug, out var old))
            {
                old.SubjectName = r.SubjectName; old.Total = r.Total; old.PublishedRank = r.PublishedRank; old.SourceName = r.SourceName;
                old.SourceUrl = r.SourceUrl; old.Note = r.Note; old.IsSampleData = r.IsSampleData; old.AgencyId = r.AgencyId;
                old.Scores.Clear(); old.Scores.AddRange(r.Scores);
                report.Updated++;
            }
            else { db.IndexResults.Add(r); report.Added++; }
        }
        feed.Record(ContentKinds.IndexResult, indexYear.Id, ChangeOperation.Upsert, "import");
        await db.SaveChangesAsync(ct);
        return report;
    }

    public const string LongCriterion = "ma_tieu_chi", LongScore = "diem";

    /// <summary>
    /// The long layout (one row per unit and criterion: ma_don_vi, ten_don_vi, ma_tieu_chi, diem, plus the unit's
    /// own columns on any of its rows) becomes the wide one; each unit keeps the row number of its first row.
    /// </summary>
    private static TableData Widen(TableData table)
    {
        var units = new List<(int Row, Dictionary<string, string> Cells)>();
        foreach (var row in table.Rows)
        {
            var key = row[Slug].Length > 0 ? row[Slug] : SlugGenerator.Slugify(row[Name]);
            var unit = units.FirstOrDefault(u => (u.Cells[Slug].Length > 0 ? u.Cells[Slug] : SlugGenerator.Slugify(u.Cells[Name])) == key);
            if (unit.Cells is null)
            {
                unit = (row.RowNumber, Fixed.ToDictionary(c => c, c => row[c]));
                units.Add(unit);
            }
            foreach (var c in Fixed.Where(c => unit.Cells[c].Length == 0)) unit.Cells[c] = row[c];
            var criterion = row[LongCriterion].ToLowerInvariant();
            if (criterion.Length > 0) unit.Cells[criterion] = row[LongScore];
        }
        var headers = Fixed.Concat(units.SelectMany(u => u.Cells.Keys)).Distinct().ToList();
        return new TableData(headers, units.Select(u => new TableRow(u.Row, u.Cells)).ToList());
    }

    /// <summary>Accepts 92.18 and 92,18; empty is no value.</summary>
    private static string? ParseNumber(string cell, out decimal? value)
    {
        value = null;
        var c = cell.Trim().TrimEnd('%').Trim();
        if (c.Length == 0) return null;
        if (decimal.TryParse(c.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) { value = v; return null; }
        return $"\"{cell}\" không phải là số.";
    }

    private static string Format(decimal v) => v.ToString("0.##", VnFormat.Culture);
}
