using System.Security.Cryptography;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Contests;

/// <summary>A drawn question as the participant sees it during the attempt: no correct option, no legal source.</summary>
public sealed record AttemptQuestion(int Id, int Number, string Text, IReadOnlyList<(string Letter, string Text)> Options, string? Chosen);

public sealed record AttemptSheet(Contest Contest, ContestAttempt Attempt, IReadOnlyList<AttemptQuestion> Questions);

/// <summary>A question of a finished attempt, with the right option and the legal source.</summary>
public sealed record AnsweredQuestion(int Number, ContestQuestion Question, string? Chosen)
{
    public bool IsCorrect => Chosen == Question.Correct;
}

public sealed record AttemptResult(Contest Contest, ContestAttempt Attempt, IReadOnlyList<AnsweredQuestion> Questions);

public enum AnswerSaveOutcome { Saved, NotFound, InvalidOption, TooLate }

/// <summary>
/// The participant's side of a contest: registration, starting an attempt (the questions are drawn and the deadline
/// fixed here, on the server), saving answers as they go, submitting, and the result. Answers are checked only here,
/// and only once the attempt has ended.
/// </summary>
public sealed class ContestParticipation(PortalDbContext db, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<Contest?> PublishedAsync(string slug, CancellationToken ct = default) =>
        db.Set<Contest>().AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug && c.IsPublished, ct);

    public Task<List<Contest>> PublishedListAsync(CancellationToken ct = default) =>
        db.Set<Contest>().AsNoTracking().Where(c => c.IsPublished).OrderByDescending(c => c.StartsAt).ToListAsync(ct);

    /// <summary>The participant this device registered as in the contest, if any.</summary>
    public Task<ContestParticipant?> ParticipantAsync(int contestId, string? deviceId, CancellationToken ct = default) =>
        string.IsNullOrEmpty(deviceId)
            ? Task.FromResult<ContestParticipant?>(null)
            : db.Set<ContestParticipant>().AsNoTracking().FirstOrDefaultAsync(p => p.ContestId == contestId && p.DeviceId == deviceId, ct);

    public async Task<int?> ContestOfAttemptAsync(string token, CancellationToken ct = default) =>
        await db.Set<ContestAttempt>().Where(a => a.Token == token).Select(a => (int?)a.ContestId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Registers a person, or binds this device to the person already registered with the same phone (a phone-identified
    /// contest) or from the same device: their earlier details, guess and attempts stay.
    /// </summary>
    public async Task<OperationResult<ContestParticipant>> RegisterAsync(Contest contest, RegistrationInput input, string deviceId, CancellationToken ct = default)
    {
        if (!contest.IsOpenAt(Now)) return OperationResult<ContestParticipant>.Fail("", ClosedMessage(contest));
        var (person, errors) = ContestRegistration.Check(contest, input);
        if (person is null) return OperationResult<ContestParticipant>.Invalid(errors);
        var key = ContestRegistration.PersonKey(contest, person, deviceId);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.Set<ContestParticipant>().FirstOrDefaultAsync(p => p.ContestId == contest.Id && p.PersonKey == key, ct);
            // One device, one person per contest: a phone typed on someone else's device takes the device over.
            await db.Set<ContestParticipant>().Where(p => p.ContestId == contest.Id && p.DeviceId == deviceId && p.PersonKey != key)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeviceId, ""), ct);
            if (existing is not null)
            {
                existing.DeviceId = deviceId;
                await db.SaveChangesAsync(ct);
                return OperationResult<ContestParticipant>.Ok(existing);
            }
            var participant = new ContestParticipant
            {
                ContestId = contest.Id, PersonKey = key, DeviceId = deviceId, Name = person.Name, Phone = person.Phone,
                Unit = person.Unit, Commune = person.Commune, TieBreakGuess = person.Guess, RegisteredAt = Now,
            };
            db.Add(participant);
            try
            {
                await db.SaveChangesAsync(ct);
                return OperationResult<ContestParticipant>.Ok(participant);
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // The same person registered at the same moment from elsewhere: bind to that row instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The open attempt of the participant, or a new one with its questions drawn and its deadline fixed.</summary>
    public async Task<OperationResult<ContestAttempt>> StartAsync(Contest contest, ContestParticipant participant, CancellationToken ct = default)
    {
        if (!contest.IsOpenAt(Now)) return OperationResult<ContestAttempt>.Fail("", ClosedMessage(contest));
        for (var round = 0; ; round++)
        {
            await CloseExpiredAsync(contest.Id, participant.Id, ct);
            var attempts = await db.Set<ContestAttempt>().AsNoTracking().Where(a => a.ParticipantId == participant.Id).ToListAsync(ct);
            if (attempts.FirstOrDefault(a => !a.IsFinished) is { } open) return OperationResult<ContestAttempt>.Ok(open);
            if (attempts.Count >= contest.AttemptsPerPerson)
                return OperationResult<ContestAttempt>.Fail("", $"Bạn đã dùng hết {contest.AttemptsPerPerson} lượt thi của cuộc thi này.");
            var bank = await db.Set<ContestQuestion>().Where(q => q.ContestId == contest.Id && q.IsActive).Select(q => q.Id).ToArrayAsync(ct);
            if (bank.Length == 0) return OperationResult<ContestAttempt>.Fail("", "Cuộc thi chưa có câu hỏi. Vui lòng quay lại sau.");
            RandomNumberGenerator.Shuffle(bank.AsSpan());
            var now = Now;
            var deadline = now.AddMinutes(contest.TimeLimitMinutes);
            var attempt = new ContestAttempt
            {
                ContestId = contest.Id, ParticipantId = participant.Id, Number = attempts.Count + 1,
                Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
                QuestionIds = string.Join(',', bank.Take(contest.QuestionsPerAttempt)),
                StartedAt = now, Deadline = deadline < contest.EndsAt ? deadline : contest.EndsAt,
            };
            db.Add(attempt);
            try
            {
                await db.SaveChangesAsync(ct);
                return OperationResult<ContestAttempt>.Ok(attempt);
            }
            catch (DbUpdateException) when (round < 2)
            {
                // Two starts at once (a double click, two tabs): the unique number lets one win; the other takes its attempt.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The attempt of this participant by its token, closed first if its time is up.</summary>
    private async Task<(Contest, ContestAttempt)?> OwnAttemptAsync(string token, int participantId, CancellationToken ct)
    {
        var attempt = await db.Set<ContestAttempt>().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Token == token && a.ParticipantId == participantId, ct);
        if (attempt is null) return null;
        var contest = await db.Set<Contest>().AsNoTracking().FirstAsync(c => c.Id == attempt.ContestId, ct);
        if (!attempt.IsFinished && Now > attempt.Deadline + ContestLimits.Grace) await FinishAsync(attempt, ct);
        return (contest, attempt);
    }

    /// <summary>The answer sheet of an open attempt (null when unknown, not the participant's, or ended).</summary>
    public async Task<AttemptSheet?> SheetAsync(string token, int participantId, CancellationToken ct = default)
    {
        if (await OwnAttemptAsync(token, participantId, ct) is not var (contest, attempt) || attempt.IsFinished) return null;
        var ids = attempt.DrawnQuestionIds();
        var questions = await db.Set<ContestQuestion>().AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var chosen = attempt.Answers.ToDictionary(a => a.QuestionId, a => a.Option);
        var sheet = ids.Select((id, i) => new AttemptQuestion(id, i + 1, questions[id].Text,
            ContestQuestion.Letters.Select(l => (l, questions[id].Option(l))).ToList(), chosen.GetValueOrDefault(id))).ToList();
        return new AttemptSheet(contest, attempt, sheet);
    }

    /// <summary>Saves one answer while the attempt is open (the deadline plus a few seconds of grace).</summary>
    public async Task<AnswerSaveOutcome> SaveAnswerAsync(string token, int participantId, int questionId, string? option, CancellationToken ct = default)
    {
        var attempt = await db.Set<ContestAttempt>().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Token == token && a.ParticipantId == participantId, ct);
        if (attempt is null || !attempt.DrawnQuestionIds().Contains(questionId)) return AnswerSaveOutcome.NotFound;
        if (option is null || !ContestQuestion.Letters.Contains(option)) return AnswerSaveOutcome.InvalidOption;
        if (attempt.IsFinished) return AnswerSaveOutcome.TooLate;
        if (Now > attempt.Deadline + ContestLimits.Grace)
        {
            await FinishAsync(attempt, ct);
            return AnswerSaveOutcome.TooLate;
        }
        await SaveAnswersAsync(attempt, new Dictionary<int, string> { [questionId] = option }, ct);
        return AnswerSaveOutcome.Saved;
    }

    private async Task SaveAnswersAsync(ContestAttempt attempt, IReadOnlyDictionary<int, string> answers, CancellationToken ct)
    {
        var drawn = attempt.DrawnQuestionIds();
        foreach (var (questionId, option) in answers)
        {
            if (!drawn.Contains(questionId) || !ContestQuestion.Letters.Contains(option)) continue;
            if (attempt.Answers.FirstOrDefault(a => a.QuestionId == questionId) is { } given)
            {
                given.Option = option;
                given.AnsweredAt = Now;
            }
            else attempt.Answers.Add(new ContestAnswer { QuestionId = questionId, Option = option, AnsweredAt = Now });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same question saved at the same moment by another request (two tabs): apply ours over it, once.
            db.ChangeTracker.Clear();
            foreach (var (questionId, option) in answers.Where(a => drawn.Contains(a.Key) && ContestQuestion.Letters.Contains(a.Value)))
                await db.Set<ContestAnswer>().Where(a => a.AttemptId == attempt.Id && a.QuestionId == questionId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Option, option).SetProperty(a => a.AnsweredAt, Now), ct);
        }
    }

    /// <summary>
    /// Submits the attempt with the answers of the form (those that arrive after the deadline and its grace are not
    /// counted) and scores it. Returns null when the attempt is unknown or not the participant's.
    /// </summary>
    public async Task<ContestAttempt?> SubmitAsync(string token, int participantId, IReadOnlyDictionary<int, string> answers, CancellationToken ct = default)
    {
        if (await OwnAttemptAsync(token, participantId, ct) is not var (_, attempt)) return null;
        if (attempt.IsFinished) return attempt;
        await SaveAnswersAsync(attempt, answers, ct);
        await FinishAsync(attempt, ct);
        return attempt;
    }

    /// <summary>The result of an ended attempt: every drawn question with the right option and its legal source.</summary>
    public async Task<AttemptResult?> ResultAsync(string token, int participantId, CancellationToken ct = default)
    {
        if (await OwnAttemptAsync(token, participantId, ct) is not var (contest, attempt) || !attempt.IsFinished) return null;
        var ids = attempt.DrawnQuestionIds();
        var questions = await db.Set<ContestQuestion>().AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var chosen = attempt.Answers.ToDictionary(a => a.QuestionId, a => a.Option);
        return new AttemptResult(contest, attempt, ids.Select((id, i) => new AnsweredQuestion(i + 1, questions[id], chosen.GetValueOrDefault(id))).ToList());
    }

    public Task<List<ContestAttempt>> AttemptsAsync(int participantId, CancellationToken ct = default) =>
        db.Set<ContestAttempt>().AsNoTracking().Where(a => a.ParticipantId == participantId).OrderBy(a => a.Number).ToListAsync(ct);

    /// <summary>Closes every attempt of the contest (or of one participant) whose time and grace are over, scoring what was saved in time.</summary>
    public async Task CloseExpiredAsync(int contestId, int? participantId = null, CancellationToken ct = default)
    {
        var limit = Now - ContestLimits.Grace;
        var expired = await db.Set<ContestAttempt>().Include(a => a.Answers)
            .Where(a => a.ContestId == contestId && a.SubmittedAt == null && a.Deadline < limit && (participantId == null || a.ParticipantId == participantId))
            .ToListAsync(ct);
        foreach (var attempt in expired) await FinishAsync(attempt, ct);
    }

    /// <summary>Scores on the server: only answers saved before the deadline and its grace count.</summary>
    private async Task FinishAsync(ContestAttempt attempt, CancellationToken ct)
    {
        var ids = attempt.DrawnQuestionIds();
        var correct = await db.Set<ContestQuestion>().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Correct, ct);
        var counted = attempt.Deadline + ContestLimits.Grace;
        foreach (var answer in attempt.Answers)
            answer.IsCorrect = answer.AnsweredAt <= counted && correct.GetValueOrDefault(answer.QuestionId) == answer.Option;
        var end = Now < attempt.Deadline ? Now : attempt.Deadline;
        attempt.SubmittedAt = end;
        attempt.TimeTakenMs = (long)(end - attempt.StartedAt).TotalMilliseconds;
        attempt.Score = attempt.Answers.Count(a => a.IsCorrect == true);
        await db.SaveChangesAsync(ct);
    }

    public string ClosedMessage(Contest contest) =>
        Now < contest.StartsAt ? $"Cuộc thi bắt đầu lúc {VnFormat.DateTime(contest.StartsAt)}."
        : "Cuộc thi đã kết thúc, không nhận thêm bài dự thi.";
}
