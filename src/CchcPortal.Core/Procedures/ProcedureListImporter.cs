using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Procedures;

/// <summary>
/// Imports the national portal's "Danh sách thủ tục hành chính" Excel export (or its CSV copy): code, name,
/// issuing body, executing agency, field. The header row is found by its content; new codes are added with
/// these fields, known codes get them updated. Details (channels, dossier, ...) come from the JSON import.
/// Any bad row rejects the whole file; a good file is applied in one transaction.
/// </summary>
public sealed partial class ProcedureListImporter(PortalDbContext db, TimeProvider time, ChangeFeed feed)
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["mã số"] = "ma_so", ["mã thủ tục"] = "ma_so", ["mã"] = "ma_so",
        ["tên"] = "ten", ["tên thủ tục"] = "ten",
        ["cơ quan ban hành"] = "co_quan_ban_hanh",
        ["cơ quan thực hiện"] = "co_quan_thuc_hien",
        ["lĩnh vực"] = "linh_vuc",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d\.\d{6}(\.[A-Z0-9]{1,10})?$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();

    public async Task<ProcedureImportReport> ImportAsync(byte[] content, string by, CancellationToken ct = default)
    {
        var report = new ProcedureImportReport();
        var (table, error) = TabularFile.Read(content, ["ma_so", "ten"], Aliases);
        if (table is null) { report.FileError = error; return report; }
        if (table.Rows.Count == 0) { report.FileError = "Tệp không có dòng dữ liệu nào."; return report; }

        var rows = new List<(string Code, string Name, string Agency, string Field)>();
        var seen = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var code = VietnameseText.Normalize(row["ma_so"]);
            var name = VietnameseText.Normalize(row["ten"]).TrimStart('.', ' ', '-').Trim();
            if (!CodePattern().IsMatch(code)) report.Rejected.Add(new(row.RowNumber, code, $"Mã số \"{code}\" không đúng dạng d.dddddd."));
            else if (seen.TryGetValue(code, out var first)) report.Rejected.Add(new(row.RowNumber, code, $"Mã số trùng với dòng {first}."));
            else if (name.Length == 0) report.Rejected.Add(new(row.RowNumber, code, "Thiếu tên thủ tục."));
            else
            {
                seen[code] = row.RowNumber;
                // A cell naming several agencies keeps one per line in the export.
                var agencies = string.Join("; ", VietnameseText.NormalizeLines(row["co_quan_thuc_hien"]).Split('\n')
                    .Select(VietnameseText.Normalize).Where(a => a.Length > 0));
                rows.Add((code, name, agencies, NationalRecordParser.Clean(row["linh_vuc"])));
            }
        }
        if (!report.Succeeded) return report;

        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Procedures.ToDictionaryAsync(p => p.Code, ct);
        var slugs = existing.Values.Select(p => p.Slug).ToHashSet();
        foreach (var (code, name, agency, field) in rows)
        {
            if (existing.TryGetValue(code, out var p))
            {
                if (p.Name == name && p.ExecutingAgency == agency && p.Field == field) { report.Unchanged++; continue; }
                p.Name = name; p.ExecutingAgency = agency; p.Field = field;
                p.History.Add(new ProcedureHistoryEntry { At = now, By = by, Change = "Cập nhật tên, cơ quan thực hiện, lĩnh vực theo danh sách thủ tục hành chính." });
                report.Updated++;
            }
            else
            {
                p = new Procedure { Code = code, Name = name, ExecutingAgency = agency, Field = field, Levels = "||", Subjects = "||" };
                p.Slug = ProcedureImporter.UniqueSlug(name, code, slugs);
                p.History.Add(new ProcedureHistoryEntry { At = now, By = by, Change = "Thêm từ danh sách thủ tục hành chính." });
                db.Procedures.Add(p);
                report.Added++;
            }
            p.SearchText = VietnameseText.Fold($"{p.Code} {p.Name} {p.Field}");
            p.UpdatedAt = now;
            feed.RecordRow(ContentKinds.Procedure, p, ChangeOperation.Upsert);
        }
        if (report.Added + report.Updated > 0) feed.Announce(ContentKinds.Procedure, 0, "import-list");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return report;
    }
}
