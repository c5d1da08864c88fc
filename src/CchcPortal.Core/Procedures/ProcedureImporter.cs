using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Procedures;

public sealed record ProcedureImportIssue(int Row, string Code, string Message);

public sealed class ProcedureImportReport
{
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public string? FileError { get; set; }
    public List<ProcedureImportIssue> Rejected { get; } = [];
    public bool Succeeded => FileError is null && Rejected.Count == 0;
    public int Total => Added + Updated + Unchanged;
}

/// <summary>Which directory agencies carry out procedures of a level or field, by agency slug (used when seeding).</summary>
public sealed class AgencyMapping
{
    public Dictionary<string, List<string>> ByLevel { get; set; } = [];
    public Dictionary<string, List<string>> ByField { get; set; } = [];
}

/// <summary>
/// Imports procedures from the national portal's JSON (an array, JSON Lines, or either gzipped; decided by the
/// bytes). Records are parsed and checked first: any rejected record rejects the whole file, with its row and
/// reason. A valid file is applied in one transaction; procedures are matched by code, so re-importing the same
/// file changes nothing.
/// </summary>
public sealed partial class ProcedureImporter(PortalDbContext db, TimeProvider time, ChangeFeed feed)
{
    [GeneratedRegex(@"^\d\.\d{6}(\.[A-Z0-9]{1,10})?$")] private static partial Regex CodePattern();

    private static readonly JsonSerializerOptions Json = new() { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public async Task<ProcedureImportReport> ImportAsync(byte[] content, AgencyMapping? mapping = null, string by = "", CancellationToken ct = default)
    {
        var report = new ProcedureImportReport();
        var (records, fileError) = ReadRecords(content, report);
        if (fileError is not null) { report.FileError = fileError; return report; }
        if (records.Count == 0 && report.Rejected.Count == 0) { report.FileError = "Tệp không có bản ghi thủ tục nào."; return report; }

        var parsed = new List<(int Row, Procedure Procedure)>();
        var seen = new Dictionary<string, int>();
        foreach (var (row, record) in records)
        {
            var code = VietnameseText.Normalize(record.Code);
            if (!CodePattern().IsMatch(code)) { report.Rejected.Add(new(row, code, $"Mã thủ tục \"{code}\" không đúng dạng d.dddddd (ví dụ 1.001193 hoặc 1.012753.H19).")); continue; }
            if (seen.TryGetValue(code, out var first)) { report.Rejected.Add(new(row, code, $"Mã thủ tục trùng với bản ghi ở dòng {first}.")); continue; }
            seen[code] = row;
            var (procedure, error) = NationalRecordParser.Parse(record);
            if (procedure is null) { report.Rejected.Add(new(row, code, error!)); continue; }
            parsed.Add((row, procedure));
        }
        if (!report.Succeeded) return report;

        await ApplyAsync(parsed.Select(p => p.Procedure).ToList(), mapping, by, report, ct);
        return report;
    }

    private static (List<(int Row, NationalRecord Record)> Records, string? Error) ReadRecords(byte[] content, ProcedureImportReport report)
    {
        var records = new List<(int, NationalRecord)>();
        if (content.Length == 0) return (records, "Tệp rỗng.");
        string text;
        try
        {
            if (content.Length > 2 && content[0] == 0x1F && content[1] == 0x8B)
            {
                using var gz = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
                using var reader = new StreamReader(gz, new UTF8Encoding(false, true));
                text = reader.ReadToEnd();
            }
            else text = new UTF8Encoding(false, true).GetString(content);
        }
        catch (Exception ex) when (ex is InvalidDataException or DecoderFallbackException)
        {
            return (records, "Không đọc được tệp: tệp phải là JSON/JSONL (UTF-8), có thể nén gzip.");
        }
        text = text.TrimStart('\uFEFF').Trim();
        if (text.StartsWith('['))
        {
            try
            {
                var array = JsonSerializer.Deserialize<List<NationalRecord?>>(text, Json) ?? [];
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } r) records.Add((i + 1, r));
                return (records, null);
            }
            catch (JsonException ex)
            {
                return (records, $"Tệp JSON không hợp lệ (dòng {ex.LineNumber + 1}): không có thay đổi nào được ghi.");
            }
        }
        if (!text.StartsWith('{')) return (records, "Tệp không phải JSON hay JSON Lines của Cơ sở dữ liệu quốc gia về thủ tục hành chính.");
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize<NationalRecord>(line, Json) is { } r) records.Add((lineNumber, r));
            }
            catch (JsonException)
            {
                report.Rejected.Add(new(lineNumber, "", "Dòng này không phải một bản ghi JSON hợp lệ."));
            }
        }
        return (records, null);
    }

    private async Task ApplyAsync(List<Procedure> incoming, AgencyMapping? mapping, string by, ProcedureImportReport report, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Procedures
            .Include(p => p.Channels).Include(p => p.DossierItems).Include(p => p.LegalBases).Include(p => p.AgencyLinks)
            .AsSplitQuery().ToDictionaryAsync(p => p.Code, ct);
        var slugs = new HashSet<string>(existing.Values.Select(p => p.Slug));
        var editedOnline = await ManuallyEditedOnlineAsync(ct);
        var agencyIds = mapping is null ? [] : await db.Agencies.ToDictionaryAsync(a => a.Slug, a => a.Id, ct);
        foreach (var source in incoming)
        {
            var hash = Hash(source);
            if (existing.TryGetValue(source.Code, out var target))
            {
                if (target.ContentHash == hash) { report.Unchanged++; continue; }
                CopyFields(source, target);
                target.Channels.Clear(); target.Channels.AddRange(source.Channels);
                target.DossierItems.Clear(); target.DossierItems.AddRange(source.DossierItems);
                target.LegalBases.Clear(); target.LegalBases.AddRange(source.LegalBases);
                target.History.Add(new ProcedureHistoryEntry { At = now, By = by, Change = "Cập nhật theo Cơ sở dữ liệu quốc gia về thủ tục hành chính." });
                report.Updated++;
            }
            else
            {
                target = source;
                target.Slug = UniqueSlug(source.Name, source.Code, slugs);
                target.History.Add(new ProcedureHistoryEntry { At = now, By = by, Change = "Công bố trên cổng thông tin (nhập từ Cơ sở dữ liệu quốc gia về thủ tục hành chính)." });
                db.Procedures.Add(target);
                report.Added++;
            }
            target.ContentHash = hash;
            target.UpdatedAt = now;
            if (!editedOnline.Contains(target.Id)) (target.OnlineLevel, target.OnlineServiceUrl) = OnlineAvailability.Derive(target);
            if (mapping is not null && target.AgencyLinks.Count == 0)
                foreach (var id in MappedAgencies(target, mapping, agencyIds))
                    target.AgencyLinks.Add(new ProcedureAgencyLink { AgencyId = id });
            // One row per procedure (a new one's takes its id at the insert); listeners hear of the import once.
            feed.RecordRow(ContentKinds.Procedure, target, ChangeOperation.Upsert);
        }
        if (report.Added + report.Updated > 0) feed.Announce(ContentKinds.Procedure, 0, "import");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Sets the online level and address of every procedure from its channels (<see cref="OnlineAvailability"/>),
    /// except where a manager set them: run once at start-up for databases imported before the rule existed.
    /// Idempotent: a procedure already holding the derived values is not touched. Returns how many changed.
    /// </summary>
    public async Task<int> RederiveOnlineAsync(CancellationToken ct = default)
    {
        var edited = await ManuallyEditedOnlineAsync(ct);
        var procedures = await db.Procedures.Include(p => p.Channels).AsSplitQuery().ToListAsync(ct);
        var changed = 0;
        foreach (var p in procedures.Where(p => !edited.Contains(p.Id)))
        {
            var (level, url) = OnlineAvailability.Derive(p);
            if (p.OnlineLevel == level && p.OnlineServiceUrl == url) continue;
            (p.OnlineLevel, p.OnlineServiceUrl) = (level, url);
            feed.RecordRow(ContentKinds.Procedure, p, ChangeOperation.Upsert);
            changed++;
        }
        if (changed > 0) feed.Announce(ContentKinds.Procedure, 0, "online-levels");
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return changed;
    }

    private async Task<HashSet<int>> ManuallyEditedOnlineAsync(CancellationToken ct) =>
        (await db.ProcedureHistory.AsNoTracking()
            .Where(h => h.Change.Contains(ProcedureService.OnlineLevelEdit) || h.Change.Contains(ProcedureService.OnlineUrlEdit))
            .Select(h => h.ProcedureId).Distinct().ToListAsync(ct)).ToHashSet();

    private static IEnumerable<int> MappedAgencies(Procedure p, AgencyMapping mapping, Dictionary<string, int> agencyIds)
    {
        var slugs = new List<string>();
        if (mapping.ByField.TryGetValue(p.Field, out var byField)) slugs.AddRange(byField);
        foreach (var level in p.LevelList)
            if (mapping.ByLevel.TryGetValue(level, out var byLevel)) slugs.AddRange(byLevel);
        return slugs.Distinct().Where(agencyIds.ContainsKey).Select(s => agencyIds[s]);
    }

    internal static string UniqueSlug(string name, string code, HashSet<string> taken)
    {
        // The code makes the slug unique and stable; the name keeps it readable.
        var baseSlug = SlugGenerator.Slugify(HtmlText.Truncate(name, 80).TrimEnd('…')) + "-" + code.Replace('.', '-').ToLowerInvariant();
        var slug = baseSlug.Trim('-');
        for (var n = 2; !taken.Add(slug); n++) slug = $"{baseSlug}-{n}";
        return slug;
    }

    private static void CopyFields(Procedure s, Procedure t)
    {
        t.Name = s.Name; t.DecisionNumber = s.DecisionNumber; t.ProcedureType = s.ProcedureType; t.Field = s.Field;
        t.Levels = s.Levels; t.Subjects = s.Subjects; t.CompetentAgency = s.CompetentAgency; t.ExecutingAgency = s.ExecutingAgency;
        t.AuthorizedAgency = s.AuthorizedAgency; t.CoordinatingAgency = s.CoordinatingAgency; t.ReceivingAddress = s.ReceivingAddress;
        t.Steps = s.Steps; t.Requirements = s.Requirements; t.DossierNote = s.DossierNote; t.ResultName = s.ResultName; t.ResultCode = s.ResultCode;
        t.RelatedProcedures = s.RelatedProcedures; t.SourceUrl = s.SourceUrl; t.SearchText = s.SearchText;
    }

    /// <summary>A fingerprint of everything the national record gives, so an unchanged record is recognised.</summary>
    private static string Hash(Procedure p)
    {
        var shape = new
        {
            p.Code, p.Name, p.DecisionNumber, p.ProcedureType, p.Field, p.Levels, p.Subjects, p.CompetentAgency, p.ExecutingAgency,
            p.AuthorizedAgency, p.CoordinatingAgency, p.ReceivingAddress, p.Steps, p.Requirements, p.DossierNote, p.ResultName, p.ResultCode,
            p.RelatedProcedures, p.SourceUrl,
            Channels = p.Channels.Select(c => new { c.Kind, c.TimeValue, c.TimeUnit, c.TimeText, c.Fee, c.FeeNote, c.Description }),
            Dossier = p.DossierItems.Select(d => new { d.Group, d.Name, d.FormName, d.Quantity }),
            Legal = p.LegalBases.Select(l => new { l.Name, l.Number }),
        };
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(shape)));
    }
}
