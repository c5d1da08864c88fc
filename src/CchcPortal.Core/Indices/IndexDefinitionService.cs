using System.Text.RegularExpressions;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Indices;

public sealed class CriterionInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? ParentCode { get; set; }
    public decimal? MaxScore { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name);
}

public sealed class IndexYearInput
{
    public int Year { get; set; }
    public bool TotalIsSumOfFields { get; set; }
    public decimal? MaxTotal { get; set; }
    public List<CriterionInput> Criteria { get; set; } = [];
}

/// <summary>The manager's definitions editor: what each index measures, and each year's criteria tree.</summary>
public sealed partial class IndexDefinitionService(PortalDbContext db, RichTextSanitizer sanitizer, ChangeFeed feed)
{
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,40}$")] private static partial Regex CodePattern();

    public Task<IndexDefinition?> IndexAsync(string code, CancellationToken ct = default) =>
        db.IndexDefinitions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);

    public async Task<IReadOnlyList<IndexYear>> YearsAsync(int indexId, CancellationToken ct = default) =>
        await db.IndexYears.AsNoTracking().Include(y => y.Criteria).Where(y => y.IndexDefinitionId == indexId).OrderByDescending(y => y.Year).ToListAsync(ct);

    public async Task<OperationResult<IndexDefinition>> UpdateDescriptionAsync(string code, string? html, CancellationToken ct = default)
    {
        var index = await db.IndexDefinitions.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (index is null) return OperationResult<IndexDefinition>.Missing();
        var errors = new ValidationErrors();
        if (!errors.MaxLength(nameof(IndexDefinition.DescriptionHtml), html, IndexDefinition.MaxDescriptionHtml, "Nội dung giới thiệu"))
            return OperationResult<IndexDefinition>.Invalid(errors);
        index.DescriptionHtml = sanitizer.Sanitize(html);
        feed.Record(ContentKinds.IndexResult, 0, ChangeOperation.Upsert, "definition");
        await db.SaveChangesAsync(ct);
        return OperationResult<IndexDefinition>.Ok(index);
    }

    /// <summary>Creates or replaces a year's criteria tree. A criterion that already has scores cannot be removed.</summary>
    public async Task<OperationResult<IndexYear>> SaveYearAsync(string code, IndexYearInput input, CancellationToken ct = default)
    {
        var index = await db.IndexDefinitions.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (index is null) return OperationResult<IndexYear>.Missing();
        var errors = new ValidationErrors();
        if (input.Year is < 2000 or > 2100) errors.Add(nameof(input.Year), "Năm phải từ 2000 đến 2100.");
        if (input.MaxTotal is <= 0) errors.Add(nameof(input.MaxTotal), "Điểm tối đa phải là số dương.");
        var rows = input.Criteria.Where(c => !c.IsBlank).Select(c => new IndexCriterion
        {
            Code = (c.Code ?? "").Trim(), Name = VietnameseText.Normalize(c.Name), ParentCode = (c.ParentCode ?? "").Trim(), MaxScore = c.MaxScore,
        }).ToList();
        var codes = new HashSet<string>();
        var line = 0;
        foreach (var c in rows)
        {
            line++;
            if (!CodePattern().IsMatch(c.Code)) errors.Add(nameof(input.Criteria), $"Dòng {line}: mã tiêu chí chỉ gồm chữ, số, dấu chấm, gạch (ví dụ LV1, TC1.2).");
            else if (!codes.Add(c.Code)) errors.Add(nameof(input.Criteria), $"Dòng {line}: mã {c.Code} bị trùng.");
            if (c.Name.Length == 0) errors.Add(nameof(input.Criteria), $"Dòng {line}: vui lòng nhập tên tiêu chí.");
            else errors.MaxLength(nameof(input.Criteria), c.Name, IndexDefinition.MaxCriterionName, $"Dòng {line}: tên tiêu chí");
            if (c.MaxScore is <= 0) errors.Add(nameof(input.Criteria), $"Dòng {line}: điểm tối đa phải là số dương.");
        }
        foreach (var c in rows.Where(c => c.ParentCode.Length > 0 && !codes.Contains(c.ParentCode)))
            errors.Add(nameof(input.Criteria), $"Tiêu chí {c.Code}: không có tiêu chí cha {c.ParentCode}.");
        var parents = rows.Where(c => c.ParentCode.Length > 0).ToDictionary(c => c.Code, c => c.ParentCode);
        foreach (var c in rows)
        {
            var seen = new HashSet<string> { c.Code };
            for (var p = c.ParentCode; p.Length > 0; p = parents.GetValueOrDefault(p, ""))
                if (!seen.Add(p)) { errors.Add(nameof(input.Criteria), $"Tiêu chí {c.Code}: quan hệ cha con tạo vòng lặp."); break; }
        }
        var fieldsMax = rows.Where(c => c.ParentCode.Length == 0).Sum(c => c.MaxScore ?? 0);
        if (input.TotalIsSumOfFields && input.MaxTotal is { } maxTotal && rows.Count > 0 && fieldsMax != maxTotal)
            errors.Add(nameof(input.MaxTotal), $"Tổng điểm tối đa các lĩnh vực ({fieldsMax:0.##}) phải bằng điểm tối đa của chỉ số ({maxTotal:0.##}).");

        var year = await db.IndexYears.Include(y => y.Criteria).FirstOrDefaultAsync(y => y.IndexDefinitionId == index.Id && y.Year == input.Year, ct);
        if (year is not null)
        {
            var removed = year.Criteria.Select(c => c.Code).Except(codes).ToList();
            foreach (var code2 in removed)
            {
                var used = await db.IndexScores.CountAsync(s => s.CriterionCode == code2 && db.IndexResults.Any(r => r.Id == s.IndexResultId && r.IndexYearId == year.Id), ct);
                if (used > 0) errors.Add(nameof(input.Criteria), $"Không thể bỏ tiêu chí {code2}: đang có điểm của {used} đơn vị.");
            }
        }
        if (errors.Any) return OperationResult<IndexYear>.Invalid(errors);

        if (year is null)
        {
            year = new IndexYear { IndexDefinitionId = index.Id, Year = input.Year, IsPublished = false };
            db.IndexYears.Add(year);
        }
        year.TotalIsSumOfFields = input.TotalIsSumOfFields;
        year.MaxTotal = input.MaxTotal;
        year.Criteria.Clear();
        var order = 0;
        foreach (var c in rows) { c.SortOrder = ++order; year.Criteria.Add(c); }
        // A new year's row takes its id at the insert.
        feed.Record(ContentKinds.IndexResult, year, ChangeOperation.Upsert, "definition");
        await db.SaveChangesAsync(ct);
        return OperationResult<IndexYear>.Ok(year);
    }
}
