using System.Globalization;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Indices;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Surveys;

public sealed record SipasPublication(int Year, int Published, int RemovedSamples, int NotEnough, ImportReport Report);

/// <summary>
/// Publishes a year's measured results into the PAR Index/SIPAS section as the unit-level SIPAS of the province's
/// departments (scope <see cref="IndexScopes.Departments"/>): each agency with enough responses becomes a result whose
/// criteria are the five dimensions, imported through <see cref="IndexImporter"/> (the same checks as a file), and the
/// sample results of that year and scope are removed.
/// </summary>
public sealed class SipasPublisher(PortalDbContext db, IndexImporter importer, SurveyResults results, ChangeFeed feed, AuditLog audit)
{
    public const string IndexCode = "SIPAS";
    public const string SourceName = "Khảo sát trực tuyến trên cổng thông tin";

    public async Task<OperationResult<SipasPublication>> PublishAsync(int year, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100) return OperationResult<SipasPublication>.Fail("", "Năm công bố phải từ 2000 đến 2100.");
        var all = await results.YearAsync(year, ct);
        var enough = all.Where(r => r.Enough).ToList();
        if (enough.Count == 0)
            return OperationResult<SipasPublication>.Fail("", ($"Năm {year} chưa có cơ quan nào đủ {results.MinimumResponses} phiếu để công bố."));
        var definition = await db.IndexDefinitions.FirstOrDefaultAsync(d => d.Code == IndexCode, ct);
        if (definition is null) return OperationResult<SipasPublication>.Fail("", ("Chưa có định nghĩa chỉ số SIPAS trong mục Chỉ số CCHC."));

        await EnsureYearAsync(definition, year, ct);
        var removed = await RemoveSamplesAsync(definition.Id, year, enough.Select(r => r.Slug).ToHashSet(), ct);
        var report = await importer.ImportAsync(IndexCode, year, IndexScopes.Departments, Table(year, enough), ct: ct);
        if (!report.Succeeded)
            return OperationResult<SipasPublication>.Fail("", (report.FileError ?? string.Join("; ", report.Issues.Select(i => $"{i.Column}: {i.Message}"))));
        await audit.RecordAsync(AuditActions.SurveyPublished, $"SIPAS {year}",
            $"Công bố {enough.Count} cơ quan vào SIPAS {year} (sở, ban, ngành); xóa {removed} dòng dữ liệu mẫu.", ct: ct);
        return OperationResult<SipasPublication>.Ok(new SipasPublication(year, enough.Count, removed, all.Count - enough.Count, report));
    }

    /// <summary>The year and its five criteria (percent, at most 100), added when the definitions do not have them yet.</summary>
    private async Task EnsureYearAsync(IndexDefinition definition, int year, CancellationToken ct)
    {
        var indexYear = await db.IndexYears.Include(y => y.Criteria).FirstOrDefaultAsync(y => y.IndexDefinitionId == definition.Id && y.Year == year, ct);
        if (indexYear is null)
        {
            indexYear = new IndexYear { IndexDefinitionId = definition.Id, Year = year, MaxTotal = 100 };
            db.IndexYears.Add(indexYear);
        }
        foreach (var d in SurveyDimensions.All.Where(d => indexYear.Criteria.All(c => c.Code != d.CriterionCode)))
            indexYear.Criteria.Add(new IndexCriterion { Code = d.CriterionCode, Name = d.Name, MaxScore = 100, SortOrder = indexYear.Criteria.Count + 1 });
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> RemoveSamplesAsync(int definitionId, int year, HashSet<string> measured, CancellationToken ct)
    {
        var samples = await db.IndexResults.Include(r => r.Scores)
            .Where(r => r.IndexYear!.IndexDefinitionId == definitionId && r.IndexYear.Year == year && r.Scope == IndexScopes.Departments && r.IsSampleData)
            .ToListAsync(ct);
        // A sample row of a unit now measured is overwritten by the import (same slug); the others go.
        var stale = samples.Where(r => !measured.Contains(r.SubjectSlug)).ToList();
        if (stale.Count == 0) return samples.Count;
        db.IndexResults.RemoveRange(stale);
        feed.Record(ContentKinds.IndexResult, stale[0].IndexYearId, ChangeOperation.Upsert, "survey-publish");
        await db.SaveChangesAsync(ct);
        return samples.Count;
    }

    private static byte[] Table(int year, IReadOnlyList<AgencySatisfaction> rows)
    {
        string[] fixedColumns = [IndexImporter.Slug, IndexImporter.Name, IndexImporter.Total, IndexImporter.Source, IndexImporter.Note];
        var headers = fixedColumns.Concat(SurveyDimensions.All.Select(d => d.CriterionCode.ToLowerInvariant())).ToList();
        return TabularFile.WriteCsv(headers, rows.Select(r =>
        {
            var cells = new Dictionary<string, string>
            {
                [IndexImporter.Slug] = r.Slug, [IndexImporter.Name] = r.Name, [IndexImporter.Total] = SurveyNumbers.Invariant(r.Counts.Overall),
                [IndexImporter.Source] = SourceName,
                [IndexImporter.Note] = $"Đo từ {r.Counts.Responses} phiếu khảo sát năm {year}; sai số ±{SurveyNumbers.Invariant(r.Counts.Margin)} điểm % (độ tin cậy 95%).",
            };
            foreach (var d in SurveyDimensions.All) cells[d.CriterionCode.ToLowerInvariant()] = SurveyNumbers.Invariant(r.Counts.Share(d.Index));
            return (IReadOnlyDictionary<string, string>)cells;
        }));
    }

}
