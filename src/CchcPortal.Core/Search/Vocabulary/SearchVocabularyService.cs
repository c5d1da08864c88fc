using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Search.Vocabulary;

/// <summary>
/// The citizen vocabulary as administrators manage it. Every change is saved through the change feed (notice
/// <see cref="Kind"/>), so this node applies it to searches at once; other nodes see <see cref="StampAsync"/> move.
/// </summary>
public sealed class SearchVocabularyService(PortalDbContext db, ChangeFeed feed, TimeProvider time)
{
    public const string Kind = "search-vocabulary";
    public const int PageSize = 50;

    public sealed record Filter(string? Query, int Page);

    /// <summary>What changes whenever an entry is added, edited, switched or deleted: nodes compare it to reload.</summary>
    public sealed record Stamp(int Count, int MaxId, DateTime? LastUpdate);

    public async Task<PagedResult<SearchVocabularyEntry>> ListAsync(Filter filter, CancellationToken ct = default)
    {
        var query = db.SearchVocabularyEntries.AsNoTracking();
        if (VocabularyLine.NormalizeWords(filter.Query) is { Length: > 0 } q)
            query = query.Where(e => e.Key.Contains(q) || e.Official.Contains(q) || e.Group.Contains(q));
        var total = await query.CountAsync(ct);
        var page = Math.Max(1, filter.Page);
        var items = await query.OrderBy(e => e.Key).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new(items, page, PageSize, total);
    }

    public Task<SearchVocabularyEntry?> FindAsync(int id, CancellationToken ct = default) =>
        db.SearchVocabularyEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>The enabled entries, as the search engine loads them.</summary>
    public async Task<IReadOnlyList<VocabularyLine>> EnabledAsync(CancellationToken ct = default) =>
        (await db.SearchVocabularyEntries.AsNoTracking().Where(e => e.Enabled).OrderBy(e => e.Id).ToListAsync(ct))
            .Select(Line).ToList();

    public async Task<string> ExportAsync(CancellationToken ct = default) =>
        VocabularyTsv.Write((await db.SearchVocabularyEntries.AsNoTracking().OrderBy(e => e.Key).ToListAsync(ct)).Select(Line));

    public async Task<Stamp> StampAsync(CancellationToken ct = default)
    {
        // One aggregate query: every node runs this every few seconds. An empty table has no group: (0, 0, null).
        var stamp = await db.SearchVocabularyEntries.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new Stamp(g.Count(), g.Max(e => e.Id), g.Max(e => (DateTime?)e.UpdatedAt)))
            .FirstOrDefaultAsync(ct);
        return stamp ?? new Stamp(0, 0, null);
    }

    public async Task<OperationResult<SearchVocabularyEntry>> AddAsync(string? key, string? official, VocabularyKind kind, string? group, CancellationToken ct = default)
    {
        var line = VocabularyLine.Normalized(key, official, kind, string.IsNullOrWhiteSpace(group) ? SearchVocabularyEntry.ManagerGroup : group);
        if (await InvalidAsync(line, null, ct) is { } errors) return OperationResult<SearchVocabularyEntry>.Invalid(errors);
        var entry = NewEntry(line);
        db.SearchVocabularyEntries.Add(entry);
        feed.Announce(Kind, entry, "create");
        await db.SaveChangesAsync(ct);
        return OperationResult<SearchVocabularyEntry>.Ok(entry);
    }

    public async Task<OperationResult<SearchVocabularyEntry>> UpdateAsync(int id, string? key, string? official, VocabularyKind kind, string? group, bool enabled, CancellationToken ct = default)
    {
        if (await db.SearchVocabularyEntries.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry) return OperationResult<SearchVocabularyEntry>.Missing();
        var line = VocabularyLine.Normalized(key, official, kind, string.IsNullOrWhiteSpace(group) ? SearchVocabularyEntry.ManagerGroup : group);
        if (await InvalidAsync(line, id, ct) is { } errors) return OperationResult<SearchVocabularyEntry>.Invalid(errors);
        (entry.Key, entry.Official, entry.Kind, entry.Group, entry.Enabled, entry.UpdatedAt) = (line.Key, line.Official, line.Kind, line.Group, enabled, Now);
        feed.Announce(Kind, id, "update");
        await db.SaveChangesAsync(ct);
        return OperationResult<SearchVocabularyEntry>.Ok(entry);
    }

    public async Task<bool> SetEnabledAsync(int id, bool enabled, CancellationToken ct = default)
    {
        if (await db.SearchVocabularyEntries.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry) return false;
        (entry.Enabled, entry.UpdatedAt) = (enabled, Now);
        feed.Announce(Kind, id, enabled ? "enable" : "disable");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deleted through the change tracker, so the audit records what was there.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken ct = default)
    {
        if (await db.SearchVocabularyEntries.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry) return false;
        db.SearchVocabularyEntries.Remove(entry);
        feed.Announce(Kind, id, "delete");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public sealed record ImportResult(int Added, int Updated, IReadOnlyList<VocabularyTsv.Issue> Issues)
    {
        public bool Succeeded => Issues.Count == 0;
    }

    /// <summary>
    /// Adds the file's new keys and updates the known ones, all or nothing: a file with any invalid line changes
    /// nothing and reports every issue. Entries the file does not name are kept.
    /// </summary>
    public async Task<ImportResult> ImportAsync(string text, CancellationToken ct = default)
    {
        var parsed = VocabularyTsv.Parse(text);
        if (parsed.Issues.Count > 0) return new(0, 0, parsed.Issues);
        if (parsed.Lines.Count == 0) return new(0, 0, [new(0, "Tệp không có dòng nào (cần dòng tiêu đề và ít nhất một dòng từ điển).")]);
        var known = await db.SearchVocabularyEntries.ToDictionaryAsync(e => e.Key, ct);
        int added = 0, updated = 0;
        foreach (var line in parsed.Lines)
        {
            if (known.TryGetValue(line.Key, out var entry))
            {
                if (entry.Official == line.Official && entry.Kind == line.Kind && entry.Group == line.Group) continue;
                (entry.Official, entry.Kind, entry.Group, entry.UpdatedAt) = (line.Official, line.Kind, line.Group, Now);
                updated++;
            }
            else
            {
                db.SearchVocabularyEntries.Add(NewEntry(line));
                added++;
            }
        }
        if (added + updated > 0)
        {
            feed.Announce(Kind, 0, "import");
            await db.SaveChangesAsync(ct);
        }
        return new(added, updated, []);
    }

    /// <summary>The seed file's entries, on first start (the seeder records the step).</summary>
    public async Task<int> SeedAsync(string file, CancellationToken ct = default)
    {
        var parsed = VocabularyTsv.Parse(await File.ReadAllTextAsync(file, ct), "thong-dung");
        if (parsed.Issues.Count > 0)
            throw new InvalidOperationException("Seed search/vocabulary.tsv is invalid: " + string.Join("; ", parsed.Issues.Select(i => $"row {i.Row}: {i.Message}")));
        foreach (var line in parsed.Lines) db.SearchVocabularyEntries.Add(NewEntry(line));
        return parsed.Lines.Count;
    }

    private async Task<ValidationErrors?> InvalidAsync(VocabularyLine line, int? id, CancellationToken ct)
    {
        var errors = VocabularyRules.Check(line);
        if (!errors.Any && await db.SearchVocabularyEntries.AnyAsync(e => e.Key == line.Key && e.Id != id, ct))
            errors.Add(VocabularyRules.KeyField, VocabularyRules.DuplicateMessage(line.Key));
        return errors.Any ? errors : null;
    }

    private SearchVocabularyEntry NewEntry(VocabularyLine line) =>
        new() { Key = line.Key, Official = line.Official, Kind = line.Kind, Group = line.Group, UpdatedAt = Now };

    private static VocabularyLine Line(SearchVocabularyEntry e) => new(e.Key, e.Official, e.Kind, e.Group);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
