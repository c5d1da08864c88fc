using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Contests;

/// <summary>
/// The demo contest of a development install (content/seed/contests): open from yesterday for 30 days, its question
/// bank read through the same rules as an administrator's import. Never run in production.
/// </summary>
public sealed class ContestDemoSeeder(PortalDbContext db, TimeProvider time)
{
    public const string Slug = "cuoc-thi-thu-tim-hieu-cchc";

    /// <summary>Creates the demo contest unless it exists; returns it (null when the seed folder has no contest).</summary>
    public async Task<Contest?> SeedAsync(string seedPath, CancellationToken ct = default)
    {
        if (await db.Set<Contest>().FirstOrDefaultAsync(c => c.Slug == Slug, ct) is { } existing) return existing;
        var folder = Path.Combine(seedPath, "contests");
        var questionsFile = Path.Combine(folder, "demo-questions.csv");
        if (!File.Exists(questionsFile)) return null;
        var (table, error) = TabularFile.Read(await File.ReadAllBytesAsync(questionsFile, ct), ContestQuestionRules.Columns, ContestQuestionRules.Aliases);
        if (table is null) throw new InvalidDataException($"{questionsFile}: {error}");
        var now = time.GetUtcNow().UtcDateTime;
        var contest = new Contest
        {
            Title = "Cuộc thi thử tìm hiểu về cải cách hành chính (dữ liệu mẫu)", Slug = Slug,
            RulesMarkdown = await File.ReadAllTextAsync(Path.Combine(folder, "demo-rules.md"), ct),
            StartsAt = now.AddDays(-1), EndsAt = now.AddDays(30), QuestionsPerAttempt = 10, TimeLimitMinutes = 10, AttemptsPerPerson = 3,
            RequireName = true, RequirePhone = true, RequireUnit = true, RequireCommune = true, WinnersCount = 10, IsPublished = true,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Add(contest);
        await db.SaveChangesAsync(ct);
        foreach (var row in table.Rows)
        {
            var value = ContestQuestionRules.Check(ContestQuestionRules.FromRow(row), (field, message) =>
                throw new InvalidDataException($"{questionsFile}, dòng {row.RowNumber}, {field}: {message}"));
            var question = new ContestQuestion { ContestId = contest.Id, CreatedAt = now };
            ContestQuestionRules.Apply(value!, question);
            db.Add(question);
        }
        await db.SaveChangesAsync(ct);
        return contest;
    }
}
