using System.Text.Json;
using CchcPortal.Core.Agencies;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Search;
using CchcPortal.Core.Settings;
using CchcPortal.Core.StaticPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CchcPortal.Core.Seeding;

/// <summary>
/// Imports content/seed on first start. Each step is recorded in SeedRecords inside its own transaction,
/// so a restart (or a crash half-way) never adds anything twice.
/// </summary>
public sealed class PortalSeeder(PortalDbContext db, MarkdownRenderer markdown, AgencyImporter agencies, ProcedureImporter procedures, Indices.IndexSeeder indices,
    PostService posts, Changes.ChangeFeed feed, TimeProvider time, ILogger<PortalSeeder> log)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task SeedAsync(string seedPath, bool includeProcedures = true, CancellationToken ct = default)
    {
        var sitePath = Path.Combine(seedPath, "site.json");
        if (!File.Exists(sitePath))
        {
            log.LogWarning("No seed content at {Path}; the portal starts empty.", seedPath);
            return;
        }
        var site = JsonSerializer.Deserialize<SiteSeed>(await File.ReadAllTextAsync(sitePath, ct), Json)!;

        await StepAsync("settings", () => SeedSettings(site.Settings), ct);
        await StepAsync("categories", () => SeedCategories(site.Categories), ct);
        await StepAsync("pages", () => SeedPagesAsync(seedPath, site.Pages, ct), ct);
        await StepAsync("levels", () => SeedLevels(site.Levels), ct);
        await SeedDirectoryAsync(Path.Combine(seedPath, "directory.csv"), ct);
        if (includeProcedures) await SeedProceduresAsync(Path.Combine(seedPath, "procedures"), ct);
        // Databases imported before the online level was derived from the channels; skips managers' edits.
        await UntransactedStepAsync("procedures:online-from-channels", () => procedures.RederiveOnlineAsync(ct), ct);
        var holidays = Path.Combine(seedPath, "questions", "holidays.json");
        if (File.Exists(holidays)) await StepAsync("holidays", () => SeedHolidaysAsync(holidays, ct), ct);
        var vocabulary = Path.Combine(seedPath, "search", "vocabulary.tsv");
        if (File.Exists(vocabulary)) await StepAsync("search:vocabulary", () => new Search.Vocabulary.SearchVocabularyService(db, feed, time).SeedAsync(vocabulary, ct), ct);
        var indicesPath = Path.Combine(seedPath, "indices");
        if (File.Exists(Path.Combine(indicesPath, "definitions.json")))
        {
            await StepAsync("indices:definitions", () => indices.SeedDefinitionsAsync(indicesPath, ct), ct);
            await StepAsync("indices:published-facts", () => indices.SeedPublishedFactsAsync(Path.Combine(indicesPath, "published-facts.csv"), ct), ct);
            await UntransactedStepAsync("indices:sample-departments", () => indices.SeedSampleAsync(indicesPath, ct), ct);
        }

        var plansPath = Path.Combine(seedPath, "plans");
        if (File.Exists(Path.Combine(plansPath, "documents.json")))
        {
            await StepAsync("plans:documents-and-activities", () => new PlanDocumentSeeder(db, feed, markdown, Now).SeedAsync(plansPath, ct), ct);
            // Earlier builds also published the plans as news posts: the documents are their only home now.
            await StepAsync("plans:posts-to-documents", () => new PlanPostsToDocuments(db, posts).MoveAsync(plansPath, ct), ct);
        }
        // References in everything seeded so far, resolved against the library (later saves relink one by one).
        await StepAsync(includeProcedures ? "citations:initial" : "citations:initial-without-procedures", () => new Documents.CitationLinker(db).RelinkAllAsync(ct), ct);
    }

    private async Task StepAsync(string key, Func<Task> apply, CancellationToken ct)
    {
        if (await db.SeedRecords.AnyAsync(s => s.Key == key, ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await apply();
        db.SeedRecords.Add(new SeedRecord { Key = key, AppliedAt = Now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Seeded {Key}", key);
    }

    /// <summary>For steps that run their own transaction (the importers); re-running them is harmless.</summary>
    private async Task UntransactedStepAsync(string key, Func<Task> apply, CancellationToken ct)
    {
        if (await db.SeedRecords.AnyAsync(s => s.Key == key, ct)) return;
        await apply();
        db.SeedRecords.Add(new SeedRecord { Key = key, AppliedAt = Now });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Seeded {Key}", key);
    }

    private async Task SeedHolidaysAsync(string file, CancellationToken ct)
    {
        foreach (var h in JsonSerializer.Deserialize<List<Questions.Holiday>>(await File.ReadAllTextAsync(file, ct), Json)!)
            db.Holidays.Add(new Questions.Holiday { Date = h.Date, Name = h.Name });
    }

    private Task SeedSettings(SiteSettings settings)
    {
        settings.Id = 1;
        settings.UpdatedAt = Now;
        db.SiteSettings.Add(settings);
        return Task.CompletedTask;
    }

    private Task SeedLevels(List<LevelSeed> levels)
    {
        foreach (var l in levels)
            db.AdministrativeLevels.Add(new AdministrativeLevel { Code = l.Code, Name = l.Name, EnglishName = l.EnglishName, SortOrder = l.SortOrder, Note = l.Note });
        return Task.CompletedTask;
    }

    /// <summary>The directory goes through the real importer (its own transaction); re-running it is harmless (upsert by slug).</summary>
    private async Task SeedDirectoryAsync(string file, CancellationToken ct)
    {
        const string key = "directory";
        if (!File.Exists(file) || await db.SeedRecords.AnyAsync(s => s.Key == key, ct)) return;
        var report = await agencies.ImportAsync(await File.ReadAllBytesAsync(file, ct), ct);
        if (!report.Succeeded)
            throw new InvalidOperationException("Seed directory.csv is invalid: " + (report.FileError ??
                string.Join("; ", report.Issues.Select(i => $"row {i.Row} {i.Column}: {i.Message}"))));
        db.SeedRecords.Add(new SeedRecord { Key = key, AppliedAt = Now });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Seeded {Key}: {Added} agencies", key, report.Added);
    }

    /// <summary>The real procedure records, through the same importer a manager uses (its own transaction).</summary>
    private async Task SeedProceduresAsync(string folder, CancellationToken ct)
    {
        const string key = "procedures";
        var file = Path.Combine(folder, "dvcqg-cap-tinh-cap-xa.jsonl.gz");
        if (!File.Exists(file) || await db.SeedRecords.AnyAsync(s => s.Key == key, ct)) return;
        var mappingFile = Path.Combine(folder, "agency-mapping.json");
        var mapping = File.Exists(mappingFile)
            ? JsonSerializer.Deserialize<AgencyMapping>(await File.ReadAllTextAsync(mappingFile, ct), Json)
            : null;
        var report = await procedures.ImportAsync(await File.ReadAllBytesAsync(file, ct), mapping, "Dữ liệu khởi tạo", ct);
        if (!report.Succeeded)
            throw new InvalidOperationException("Seed procedures are invalid: " + (report.FileError ??
                string.Join("; ", report.Rejected.Take(5).Select(i => $"row {i.Row} {i.Code}: {i.Message}"))));
        db.SeedRecords.Add(new SeedRecord { Key = key, AppliedAt = Now });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Seeded {Key}: {Added} procedures", key, report.Added);
    }

    private Task SeedCategories(List<CategorySeed> categories)
    {
        var order = 0;
        foreach (var c in categories)
            db.Categories.Add(new Category { Name = c.Name, Slug = c.Slug, Description = c.Description, SortOrder = ++order });
        return Task.CompletedTask;
    }

    private async Task SeedPagesAsync(string seedPath, List<PageSeed> pages, CancellationToken ct)
    {
        foreach (var p in pages)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(seedPath, p.File), ct);
            db.StaticPages.Add(new StaticPage
            {
                Title = p.Title, Slug = p.Slug, BodyHtml = markdown.ToHtml(text), SortOrder = p.SortOrder, UpdatedAt = Now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
