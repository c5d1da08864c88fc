using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News.Views;

/// <summary>Views of one article page on one day, counted in memory by its slug.</summary>
public readonly record struct PostViewKey(string Slug, DateOnly Day);

/// <summary>
/// Adds counted views to <see cref="PostViewDay"/> rows: one upsert per post and day, `Count = Count + n`, in one
/// transaction. Additive, so every node adds its own counts; the slug is resolved to the post in the same statement
/// (a slug no post has any more adds nothing).
/// </summary>
public sealed class PostViewStore(PortalDbContext db)
{
    public async Task AddAsync(IReadOnlyDictionary<PostViewKey, int> counts, CancellationToken ct = default)
    {
        if (counts.Count == 0) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var ((slug, day), count) in counts)
            await db.Database.ExecuteSqlAsync(
                // Quoted names: PostgreSQL folds unquoted ones to lower case; SQLite reads both. Both know ON CONFLICT.
                $"""
                INSERT INTO "PostViewDays" ("PostId", "Day", "Count")
                SELECT "Id", {day}, {count} FROM "Posts" WHERE "Slug" = {slug}
                ON CONFLICT ("PostId", "Day") DO UPDATE SET "Count" = "PostViewDays"."Count" + excluded."Count"
                """, ct);
        await tx.CommitAsync(ct);
    }
}
