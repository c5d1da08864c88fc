using System.Text.Json;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Documents;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Seeding;

internal sealed record PlanDocumentSeed(
    string File, string Number, string DocType, string Title, string Issuer, DateOnly? IssuedOn, DateOnly? EffectiveOn,
    string Signer, string SignerTitle, string Summary, string Field, int Year, string UnitName, string OldPostSlug);

internal sealed record PlanActivitySeed(string Section, string Content, string Form, string Lead, string Coordinating, string Timing);

/// <summary>
/// The five real propaganda plans as library documents (the numbers and dates they carry; a draft's blank number
/// stays blank) with their activities transcribed as data (content/seed/plans/documents.json, activities/*.json).
/// </summary>
internal sealed class PlanDocumentSeeder(PortalDbContext db, ChangeFeed feed, MarkdownRenderer markdown, DateTime now)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task SeedAsync(string plansPath, CancellationToken ct)
    {
        var seeds = JsonSerializer.Deserialize<List<PlanDocumentSeed>>(await File.ReadAllTextAsync(Path.Combine(plansPath, "documents.json"), ct), Json)!;
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        foreach (var seed in seeds)
        {
            var number = DocumentNumber.ParseOrNull(seed.Number);
            var document = new LegalDocument
            {
                Slug = await UniqueSlugAsync(SlugGenerator.Slugify(seed.Title), ct),
                Number = number?.Canonical ?? "", NumberKey = number?.Key ?? "",
                DocType = seed.DocType, Issuer = seed.Issuer, IssuedOn = seed.IssuedOn, EffectiveOn = seed.EffectiveOn,
                Signer = string.Join(" ", new[] { seed.SignerTitle, seed.Signer }.Where(s => !string.IsNullOrWhiteSpace(s))),
                Summary = VietnameseText.Normalize(seed.Summary), Field = seed.Field, Status = DocumentStatus.InForce,
                BodyHtml = markdown.ToHtml(await File.ReadAllTextAsync(Path.Combine(plansPath, seed.File), ct)),
                IsPublished = true, CreatedAt = now, UpdatedAt = now,
            };
            db.Documents.Add(document);
            await db.SaveChangesAsync(ct);
            feed.RecordRow(DocumentText.Kind, document.Id, ChangeOperation.Upsert);

            var activitiesFile = Path.Combine(plansPath, "activities", Path.ChangeExtension(seed.File, ".json"));
            var rows = File.Exists(activitiesFile)
                ? JsonSerializer.Deserialize<List<PlanActivitySeed>>(await File.ReadAllTextAsync(activitiesFile, ct), Json)!
                : [];
            db.PropagandaPlans.Add(new PropagandaPlan
            {
                Year = seed.Year, UnitName = seed.UnitName, Title = seed.Title, DocumentId = document.Id,
                Activities = rows.Select((r, i) => new PlanActivity
                {
                    SortOrder = i + 1, Section = r.Section, Content = r.Content.Trim(), Form = r.Form ?? "",
                    LeadAgencyText = r.Lead ?? "", CoordinatingText = r.Coordinating ?? "", Timing = r.Timing ?? "",
                    // Linked when the plan names exactly one agency that the directory holds.
                    LeadAgencyId = agencies.FirstOrDefault(a => string.Equals(a.Name, (r.Lead ?? "").Trim(), StringComparison.OrdinalIgnoreCase))?.Id,
                }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken ct)
    {
        var candidate = slug.Length > 150 ? slug[..150].TrimEnd('-') : slug;
        for (var i = 2; await db.Documents.AnyAsync(d => d.Slug == candidate, ct); i++) candidate = $"{slug}-{i}";
        return candidate;
    }
}
