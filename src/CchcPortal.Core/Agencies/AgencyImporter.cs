using System.Globalization;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Agencies;

/// <summary>
/// Imports the directory from CSV or XLSX (<see cref="AgencyTable"/> layout). Rows update agencies by slug and add
/// new ones; nothing is deleted. Every row is checked first and any error rejects the whole file, with the row
/// and column named; a valid file is applied in one transaction.
/// </summary>
public sealed class AgencyImporter(PortalDbContext db, AgencyService service, TimeProvider time, ChangeFeed feed)
{
    private sealed record PendingRow(int Row, string Slug, AgencyInput Input, string ParentSlug, string SuccessorSlug);

    public async Task<ImportReport> ImportAsync(byte[] content, CancellationToken ct = default)
    {
        var report = new ImportReport();
        var (table, fileError) = TabularFile.Read(content, AgencyTable.Required);
        if (table is null) { report.FileError = fileError; return report; }
        if (table.Rows.Count == 0) { report.FileError = "Tệp không có dòng dữ liệu nào."; return report; }

        var levels = await db.AdministrativeLevels.ToDictionaryAsync(l => l.Code, l => l.Id, ct);
        var existing = await db.Agencies.Include(a => a.Hotlines).Include(a => a.Level).Include(a => a.Parent).Include(a => a.Successor)
            .AsSplitQuery().ToDictionaryAsync(a => a.Slug, ct);
        var pending = new List<PendingRow>();
        var slugsInFile = new Dictionary<string, int>();

        foreach (var row in table.Rows)
        {
            var issues = new List<ImportIssue>();
            void Issue(string column, string message) => issues.Add(new ImportIssue(row.RowNumber, column, message));

            var input = new AgencyInput
            {
                Name = row[AgencyTable.Name], ShortName = row[AgencyTable.ShortName], EnglishName = row[AgencyTable.EnglishName],
                Address = row[AgencyTable.Address], EnglishAddress = row[AgencyTable.EnglishAddress], MapUrl = row[AgencyTable.MapUrl],
                Phone = row[AgencyTable.Phone], Email = row[AgencyTable.Email], Website = row[AgencyTable.Website],
                WorkingHours = row[AgencyTable.WorkingHours], EnglishWorkingHours = row[AgencyTable.EnglishWorkingHours],
                HeadName = row[AgencyTable.HeadName], HeadTitle = row[AgencyTable.HeadTitle],
            };
            var levelCode = row[AgencyTable.Level].ToLowerInvariant();
            if (levels.TryGetValue(levelCode, out var levelId)) input.LevelId = levelId;
            else if (levelCode.Length > 0) Issue(AgencyTable.Level, $"Cấp \"{row[AgencyTable.Level]}\" không có trong danh mục (dùng: {string.Join(", ", levels.Keys)}).");

            var kindCell = row[AgencyTable.Kind];
            if (kindCell.Length > 0)
            {
                if (AgencyKinds.FromCode(kindCell) is { } kind) input.Kind = kind;
                else Issue(AgencyTable.Kind, $"Loại \"{kindCell}\" không hợp lệ (dùng: {string.Join(", ", AgencyKinds.All.Select(k => k.Code))}).");
            }

            var (hotlines, hotlineError) = AgencyTable.ParseHotlines(row[AgencyTable.Hotlines]);
            if (hotlineError is not null) Issue(AgencyTable.Hotlines, hotlineError);
            input.Hotlines = hotlines;

            if (AgencyTable.ParseBool(row[AgencyTable.Active], true) is { } active) input.IsActive = active;
            else Issue(AgencyTable.Active, "Chỉ ghi \"có\" hoặc \"không\".");
            if (AgencyTable.ParseBool(row[AgencyTable.Sample], false) is { } sample) input.IsSampleData = sample;
            else Issue(AgencyTable.Sample, "Chỉ ghi \"có\" hoặc \"không\".");
            var sortCell = row[AgencyTable.SortOrder];
            if (sortCell.Length > 0)
            {
                if (int.TryParse(sortCell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order) && order is >= 0 and <= 1_000_000) input.SortOrder = order;
                else Issue(AgencyTable.SortOrder, $"Thứ tự \"{sortCell}\" phải là số nguyên không âm.");
            }

            var slug = row[AgencyTable.Slug];
            if (slug.Length == 0) slug = SlugGenerator.Slugify(input.Name);
            input.Slug = slug;
            var successorSlug = row[AgencyTable.Successor];
            // Successor and parent are checked after every row is read; placeholders satisfy the field checks.
            input.SuccessorId = successorSlug.Length > 0 ? -1 : null;
            foreach (var (field, message) in input.Validate().All)
                if (field != nameof(AgencyInput.LevelId) || levelCode.Length == 0)
                    Issue(AgencyTable.ColumnOf(field), message);
            input.SuccessorId = null;

            if (slug.Length > 0 && slugsInFile.TryGetValue(slug, out var firstRow))
                Issue(AgencyTable.Slug, $"Mã \"{slug}\" trùng với dòng {firstRow}.");
            else if (slug.Length > 0) slugsInFile[slug] = row.RowNumber;

            report.Issues.AddRange(issues);
            pending.Add(new PendingRow(row.RowNumber, slug, input, row[AgencyTable.Parent], successorSlug));
        }

        bool Known(string s) => slugsInFile.ContainsKey(s) || existing.ContainsKey(s);
        bool ActiveAfterImport(string s) => pending.FirstOrDefault(p => p.Slug == s)?.Input.IsActive ?? existing[s].IsActive;
        foreach (var p in pending)
        {
            if (p.ParentSlug.Length > 0 && !Known(p.ParentSlug)) report.Issues.Add(new(p.Row, AgencyTable.Parent, $"Không tìm thấy cơ quan cấp trên có mã \"{p.ParentSlug}\"."));
            if (p.ParentSlug == p.Slug) report.Issues.Add(new(p.Row, AgencyTable.Parent, "Cơ quan không thể trực thuộc chính nó."));
            if (p.SuccessorSlug.Length > 0)
            {
                if (p.SuccessorSlug == p.Slug) report.Issues.Add(new(p.Row, AgencyTable.Successor, "Cơ quan không thể kế nhiệm chính nó."));
                else if (!Known(p.SuccessorSlug)) report.Issues.Add(new(p.Row, AgencyTable.Successor, $"Không tìm thấy cơ quan kế nhiệm có mã \"{p.SuccessorSlug}\"."));
                else if (!ActiveAfterImport(p.SuccessorSlug)) report.Issues.Add(new(p.Row, AgencyTable.Successor, $"Cơ quan kế nhiệm \"{p.SuccessorSlug}\" phải đang hoạt động."));
            }
        }
        if (report.Issues.Count == 0) CheckParentCycles(pending, existing, report);
        if (!report.Succeeded)
        {
            report.Issues.Sort((a, b) => a.Row.CompareTo(b.Row));
            return report;
        }

        await ApplyAsync(pending, existing, report, ct);
        return report;
    }

    private static void CheckParentCycles(List<PendingRow> pending, Dictionary<string, Agency> existing, ImportReport report)
    {
        var parentOf = existing.Values.Where(a => a.Parent is not null).ToDictionary(a => a.Slug, a => a.Parent!.Slug);
        foreach (var p in pending)
            if (p.ParentSlug.Length > 0) parentOf[p.Slug] = p.ParentSlug; else parentOf.Remove(p.Slug);
        foreach (var p in pending)
        {
            var seen = new HashSet<string> { p.Slug };
            for (var current = p.Slug; parentOf.TryGetValue(current, out var parent); current = parent)
            {
                if (!seen.Add(parent))
                {
                    report.Issues.Add(new(p.Row, AgencyTable.Parent, "Quan hệ cấp trên tạo thành vòng lặp."));
                    break;
                }
            }
        }
    }

    private async Task ApplyAsync(List<PendingRow> pending, Dictionary<string, Agency> existing, ImportReport report, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var levelCodes = await db.AdministrativeLevels.ToDictionaryAsync(l => l.Id, l => l.Code, ct);
        await using var tx = await feed.BeginTransactionAsync(ct);
        var changed = new List<(PendingRow Row, Agency Agency)>();
        foreach (var p in pending)
        {
            if (existing.TryGetValue(p.Slug, out var agency))
            {
                var before = AgencyTable.ToRow(agency);
                var updatedAt = agency.UpdatedAt;
                await service.ApplyAsync(agency, p.Input, ct);
                var after = new Dictionary<string, string>(AgencyTable.ToRow(agency))
                {
                    [AgencyTable.Level] = levelCodes[agency.LevelId],
                    [AgencyTable.Parent] = p.ParentSlug,
                    [AgencyTable.Successor] = p.SuccessorSlug,
                };
                if (before.All(kv => after[kv.Key] == kv.Value))
                {
                    agency.UpdatedAt = updatedAt;
                    report.Unchanged++;
                    continue;
                }
                report.Updated++;
            }
            else
            {
                agency = new Agency { Slug = p.Slug };
                await service.ApplyAsync(agency, p.Input, ct);
                if (p.Input.SortOrder == 0) agency.SortOrder = (pending.IndexOf(p) + 1) * 10;
                db.Agencies.Add(agency);
                report.Added++;
            }
            changed.Add((p, agency));
        }
        await service.RecordRenamesAsync(ct);
        await db.SaveChangesAsync(ct);

        // Parents and successors may be rows of this same file: link them once every row has an id.
        var bySlug = await db.Agencies.ToDictionaryAsync(a => a.Slug, ct);
        foreach (var (p, agency) in changed)
        {
            agency.ParentId = p.ParentSlug.Length > 0 ? bySlug[p.ParentSlug].Id : null;
            agency.SuccessorId = p.SuccessorSlug.Length > 0 ? bySlug[p.SuccessorSlug].Id : null;
            agency.UpdatedAt = now;
            feed.RecordRow(ContentKinds.Agency, agency.Id, ChangeOperation.Upsert);
        }
        if (changed.Count > 0) feed.Announce(ContentKinds.Agency, 0, "import");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
