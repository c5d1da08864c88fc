using CchcPortal.Core.Audit;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Contests;

/// <summary>The administrators' side: contests and their question banks, every change audited.</summary>
public sealed class ContestService(PortalDbContext db, AuditLog audit, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<List<Contest>> AllAsync(CancellationToken ct = default) =>
        db.Set<Contest>().AsNoTracking().OrderByDescending(c => c.StartsAt).ToListAsync(ct);

    public Task<Contest?> FindAsync(int id, CancellationToken ct = default) =>
        db.Set<Contest>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<List<ContestQuestion>> QuestionsAsync(int contestId, CancellationToken ct = default) =>
        db.Set<ContestQuestion>().AsNoTracking().Where(q => q.ContestId == contestId).OrderBy(q => q.Id).ToListAsync(ct);

    public Task<ContestQuestion?> QuestionAsync(int contestId, int id, CancellationToken ct = default) =>
        db.Set<ContestQuestion>().AsNoTracking().FirstOrDefaultAsync(q => q.ContestId == contestId && q.Id == id, ct);

    /// <summary>Creates (<paramref name="id"/> null) or changes a contest.</summary>
    public async Task<OperationResult<Contest>> SaveAsync(int? id, ContestInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        var contest = id is null ? new Contest { CreatedAt = Now } : await db.Set<Contest>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contest is null) return OperationResult<Contest>.Missing();
        if (errors.Any) return OperationResult<Contest>.Invalid(errors);
        contest.Title = VietnameseText.Normalize(input.Title);
        contest.RulesMarkdown = VietnameseText.NormalizeLines(input.RulesMarkdown).Trim();
        contest.StartsAt = VnFormat.ToUtc(input.StartsAtLocal!.Value);
        contest.EndsAt = VnFormat.ToUtc(input.EndsAtLocal!.Value);
        contest.QuestionsPerAttempt = input.QuestionsPerAttempt;
        contest.TimeLimitMinutes = input.TimeLimitMinutes;
        contest.AttemptsPerPerson = input.AttemptsPerPerson;
        contest.TieBreakQuestion = VietnameseText.Normalize(input.TieBreakQuestion) is { Length: > 0 } q ? q : Contest.DefaultTieBreakQuestion;
        contest.RequireName = input.RequireName;
        contest.RequirePhone = input.RequirePhone;
        contest.RequireUnit = input.RequireUnit;
        contest.RequireCommune = input.RequireCommune;
        contest.WinnersCount = input.WinnersCount;
        contest.IsPublished = input.IsPublished;
        contest.UpdatedAt = Now;
        if (id is null)
        {
            contest.Slug = await SlugGenerator.UniqueAsync(contest.Title, s => db.Set<Contest>().AnyAsync(c => c.Slug == s, ct), "cuoc-thi");
            db.Add(contest);
        }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.ContentChanged, Target(contest.Id), (id is null ? "Tạo cuộc thi: " : "Sửa cuộc thi: ") + contest.Title, ct: ct);
        return OperationResult<Contest>.Ok(contest);
    }

    private static ValidationErrors Validate(ContestInput input)
    {
        var e = new ValidationErrors();
        var title = VietnameseText.Normalize(input.Title);
        if (title.Length == 0) e.Add(nameof(input.Title), "Vui lòng nhập tên cuộc thi.");
        e.MaxLength(nameof(input.Title), title, ContestLimits.Title, "Tên cuộc thi");
        e.MaxLength(nameof(input.RulesMarkdown), input.RulesMarkdown, ContestLimits.Rules, "Thể lệ");
        e.MaxLength(nameof(input.TieBreakQuestion), VietnameseText.Normalize(input.TieBreakQuestion), ContestLimits.TieBreakQuestion, "Câu hỏi phụ");
        if (input.StartsAtLocal is null) e.Add(nameof(input.StartsAtLocal), "Vui lòng nhập thời điểm bắt đầu.");
        if (input.EndsAtLocal is null) e.Add(nameof(input.EndsAtLocal), "Vui lòng nhập thời điểm kết thúc.");
        else if (input.StartsAtLocal is not null && input.EndsAtLocal <= input.StartsAtLocal) e.Add(nameof(input.EndsAtLocal), "Thời điểm kết thúc phải sau thời điểm bắt đầu.");
        Range(e, nameof(input.QuestionsPerAttempt), input.QuestionsPerAttempt, 1, ContestLimits.MaxQuestionsPerAttempt, "Số câu hỏi mỗi lượt");
        Range(e, nameof(input.TimeLimitMinutes), input.TimeLimitMinutes, 1, ContestLimits.MaxTimeLimitMinutes, "Thời gian mỗi lượt (phút)");
        Range(e, nameof(input.AttemptsPerPerson), input.AttemptsPerPerson, 1, ContestLimits.MaxAttemptsPerPerson, "Số lượt thi mỗi người");
        Range(e, nameof(input.WinnersCount), input.WinnersCount, 1, 1000, "Số người đạt giải công bố");
        if (!input.RequireName && !input.RequirePhone) e.Add(nameof(input.RequireName), "Cần bắt buộc ít nhất họ tên hoặc số điện thoại để trao giải.");
        return e;
    }

    private static void Range(ValidationErrors e, string field, int value, int min, int max, string label)
    {
        if (value < min || value > max) e.Add(field, $"{label} phải từ {VnFormat.Number(min)} đến {VnFormat.Number(max)}.");
    }

    /// <summary>Adds (<paramref name="id"/> null) or changes one question of the bank.</summary>
    public async Task<OperationResult<ContestQuestion>> SaveQuestionAsync(int contestId, int? id, QuestionInput input, CancellationToken ct = default)
    {
        var question = id is null
            ? (await db.Set<Contest>().AnyAsync(c => c.Id == contestId, ct) ? new ContestQuestion { ContestId = contestId, CreatedAt = Now } : null)
            : await db.Set<ContestQuestion>().FirstOrDefaultAsync(q => q.ContestId == contestId && q.Id == id, ct);
        if (question is null) return OperationResult<ContestQuestion>.Missing();
        var errors = new ValidationErrors();
        var value = ContestQuestionRules.Check(input, (field, message) => errors.Add(field, message));
        if (value is null) return OperationResult<ContestQuestion>.Invalid(errors);
        ContestQuestionRules.Apply(value, question);
        question.IsActive = input.IsActive;
        if (id is null) db.Add(question);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.ContentChanged, Target(contestId), $"{(id is null ? "Thêm" : "Sửa")} câu hỏi {question.Id} của cuộc thi", ct: ct);
        return OperationResult<ContestQuestion>.Ok(question);
    }

    /// <summary>Adds every row of the file to the bank, or nothing when any row is wrong (the report lists them).</summary>
    public async Task<ImportReport> ImportQuestionsAsync(int contestId, byte[] file, CancellationToken ct = default)
    {
        var report = new ImportReport();
        var (table, error) = TabularFile.Read(file, ContestQuestionRules.Columns, ContestQuestionRules.Aliases);
        if (table is null)
        {
            report.FileError = error;
            return report;
        }
        if (table.Rows.Count == 0) report.FileError = "Tệp không có câu hỏi nào.";
        var questions = new List<ContestQuestion>();
        foreach (var row in table.Rows)
        {
            var value = ContestQuestionRules.Check(ContestQuestionRules.FromRow(row), (field, message) =>
                report.Issues.Add(new ImportIssue(row.RowNumber, ContestQuestionRules.ColumnOf(field), message)));
            if (value is null) continue;
            var question = new ContestQuestion { ContestId = contestId, CreatedAt = Now };
            ContestQuestionRules.Apply(value, question);
            questions.Add(question);
        }
        if (!report.Succeeded) return report;
        db.AddRange(questions);
        await db.SaveChangesAsync(ct);
        report.Added = questions.Count;
        await audit.RecordAsync(AuditActions.ContentChanged, Target(contestId), $"Nhập {questions.Count} câu hỏi vào ngân hàng câu hỏi", ct: ct);
        return report;
    }

    public static string Target(int contestId) => $"contest:{contestId}";
}
