using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Contests;

/// <summary>A participant's place: their best finished attempt and how far their tie-break guess was.</summary>
public sealed record RankedParticipant(int Rank, ContestParticipant Participant, int Score, int QuestionCount, long TimeTakenMs, int GuessDistance, DateTime SubmittedAt, int Attempts);

public sealed record ContestStandings(Contest Contest, int ParticipantsTakingPart, IReadOnlyList<RankedParticipant> Ranking);

public sealed record CountRow(string Label, int Count);

public sealed record ContestStatistics(int Registered, int AttemptsStarted, int AttemptsFinished, IReadOnlyList<CountRow> PerDay,
    IReadOnlyList<CountRow> PerUnit, IReadOnlyList<CountRow> PerCommune, IReadOnlyList<CountRow> ScoreDistribution);

/// <summary>
/// The organisers' view of a contest: the ranking (best attempt per person; score desc, then time taken asc, then the
/// distance of the tie-break guess to the number of people who took part asc, then the earliest submission) and the
/// live statistics. Expired attempts are closed first, so a participant who never pressed "Nộp bài" is counted.
/// </summary>
public sealed class ContestResults(PortalDbContext db, ContestParticipation participation)
{
    public async Task<ContestStandings?> StandingsAsync(int contestId, CancellationToken ct = default)
    {
        var contest = await db.Set<Contest>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null) return null;
        await participation.CloseExpiredAsync(contestId, ct: ct);
        var finished = await db.Set<ContestAttempt>().AsNoTracking()
            .Where(a => a.ContestId == contestId && a.SubmittedAt != null)
            .Select(a => new { a.ParticipantId, a.Score, a.TimeTakenMs, a.SubmittedAt, a.QuestionIds })
            .ToListAsync(ct);
        var byPerson = finished.GroupBy(a => a.ParticipantId).ToDictionary(g => g.Key, g => (
            Best: g.OrderByDescending(a => a.Score).ThenBy(a => a.TimeTakenMs).ThenBy(a => a.SubmittedAt).First(), Count: g.Count()));
        var ids = byPerson.Keys.ToList();
        var participants = await db.Set<ContestParticipant>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        // "How many people will take part": those with at least one finished attempt.
        var takingPart = participants.Count;
        var ordered = participants.Select(p =>
            {
                var (best, count) = byPerson[p.Id];
                return (P: p, Score: best.Score ?? 0, Time: best.TimeTakenMs ?? 0, Distance: Math.Abs(p.TieBreakGuess - takingPart),
                    At: best.SubmittedAt!.Value, Questions: best.QuestionIds.Split(',').Length, Count: count);
            })
            .OrderByDescending(x => x.Score).ThenBy(x => x.Time).ThenBy(x => x.Distance).ThenBy(x => x.At).ThenBy(x => x.P.Id)
            .Select((x, i) => new RankedParticipant(i + 1, x.P, x.Score, x.Questions, x.Time, x.Distance, x.At, x.Count))
            .ToList();
        return new ContestStandings(contest, takingPart, ordered);
    }

    public async Task<ContestStatistics> StatisticsAsync(int contestId, CancellationToken ct = default)
    {
        await participation.CloseExpiredAsync(contestId, ct: ct);
        var registered = await db.Set<ContestParticipant>().AsNoTracking().Where(p => p.ContestId == contestId)
            .Select(p => new { p.Id, p.RegisteredAt, p.Unit, p.Commune }).ToListAsync(ct);
        var attempts = await db.Set<ContestAttempt>().AsNoTracking().Where(a => a.ContestId == contestId)
            .Select(a => new { a.ParticipantId, a.Score, a.SubmittedAt }).ToListAsync(ct);
        var best = attempts.Where(a => a.SubmittedAt != null).GroupBy(a => a.ParticipantId).Select(g => g.Max(a => a.Score ?? 0));
        static List<CountRow> Count<T>(IEnumerable<T> items, Func<T, string> label) =>
            items.GroupBy(label).Select(g => new CountRow(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.Create(VnFormat.Culture, false)).ToList();
        return new ContestStatistics(
            registered.Count, attempts.Count, attempts.Count(a => a.SubmittedAt != null),
            registered.GroupBy(p => VnFormat.ToLocal(p.RegisteredAt).Date).OrderBy(g => g.Key)
                .Select(g => new CountRow(g.Key.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), g.Count())).ToList(),
            Count(registered, p => p.Unit.Length > 0 ? p.Unit : "(không ghi)"),
            Count(registered, p => p.Commune.Length > 0 ? p.Commune : "(không ghi)"),
            best.GroupBy(s => s).OrderByDescending(g => g.Key).Select(g => new CountRow(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count())).ToList());
    }

    /// <summary>The public winners: the first places once the contest has ended, name and unit only.</summary>
    public async Task<IReadOnlyList<(int Rank, string Name, string Unit, int Score)>> WinnersAsync(Contest contest, DateTime now, CancellationToken ct = default)
    {
        if (!contest.HasEndedAt(now)) return [];
        var standings = await StandingsAsync(contest.Id, ct);
        return standings!.Ranking.Take(contest.WinnersCount).Select(r => (r.Rank, r.Participant.Name, r.Participant.Unit, r.Score)).ToList();
    }
}
