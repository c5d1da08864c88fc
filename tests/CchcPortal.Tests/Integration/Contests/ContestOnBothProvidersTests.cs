using System.Net;
using CchcPortal.Core.Contests;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Contests;

/// <summary>
/// The contest's queries on SQLite and on PostgreSQL: registration (unique person), the draw and the unique attempt
/// number, answer upserts, closing expired attempts, the ranking and the statistics.
/// </summary>
public abstract class ContestOnBothProvidersTests(ContestOnBothProvidersTests.Fixture fixture)
{
    public abstract class Fixture : IDisposable
    {
        public PortalFactory Factory { get; }
        protected Fixture(TestDatabase provider) => Factory = new PortalFactory(provider: provider);
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => fixture.Factory;

    [Fact]
    public async Task Participants_take_attempts_and_the_ranking_and_statistics_count_them()
    {
        var contest = await F.DemoContestAsync();
        var questions = await F.QuestionsAsync(contest.Id);
        var scores = new List<int>();
        for (var n = 0; n < 3; n++)
        {
            var p = F.Participant(contest);
            Assert.Equal(HttpStatusCode.SeeOther, (await p.RegisterAsync(name: $"Người dự thi {n}", phone: $"0912 111 00{n}", unit: n < 2 ? "Sở Nội vụ" : "Sở Tư pháp", guess: "3")).StatusCode);
            var attempt = await p.StartedAttemptAsync();
            var sheet = await p.SheetAsync(attempt);
            // n right answers, each saved twice (the second overwrites the first), then submitted.
            foreach (var id in sheet.QuestionIds.Take(n))
            {
                Assert.Equal(HttpStatusCode.NoContent, (await p.SaveAsync(attempt, sheet.Token, id, ContestPortal.Wrong(questions[id].Correct))).StatusCode);
                Assert.Equal(HttpStatusCode.NoContent, (await p.SaveAsync(attempt, sheet.Token, id, questions[id].Correct)).StatusCode);
            }
            await p.SubmitAsync(attempt, new Dictionary<int, string>());
            scores.Add(n);
        }
        // A fourth starts and never submits: closed at its deadline by the organisers' view.
        var idle = F.Participant(contest);
        await idle.RegisterAsync(name: "Người bỏ dở", phone: "0912 111 009", unit: "Sở Tư pháp");
        await idle.StartedAttemptAsync();
        F.Clock.Advance(TimeSpan.FromMinutes(contest.TimeLimitMinutes) + ContestLimits.Grace + TimeSpan.FromSeconds(1));

        using var scope = F.Services.CreateScope();
        var results = scope.ServiceProvider.GetRequiredService<ContestResults>();
        var standings = (await results.StandingsAsync(contest.Id))!;
        Assert.Equal(["Người dự thi 2", "Người dự thi 1", "Người dự thi 0", "Người bỏ dở"], standings.Ranking.Where(r => r.Participant.Phone.StartsWith("0912111")).Select(r => r.Participant.Name));
        Assert.Equal([2, 1, 0, 0], standings.Ranking.Where(r => r.Participant.Phone.StartsWith("0912111")).Select(r => r.Score));
        var stats = await results.StatisticsAsync(contest.Id);
        Assert.True(stats.Registered >= 4);
        Assert.Equal(stats.AttemptsStarted, stats.AttemptsFinished);
        Assert.Contains(stats.PerUnit, r => r.Label == "Sở Nội vụ" && r.Count == 2);
        // Right answers stored: 0 + 1 + 2, each kept once (the second save replaced the first).
        var db = scope.ServiceProvider.GetRequiredService<CchcPortal.Core.Data.PortalDbContext>();
        var ids = standings.Ranking.Where(r => r.Participant.Phone.StartsWith("0912111")).Select(r => r.Participant.Id).ToList();
        var answers = await db.Set<ContestAnswer>().Where(a => db.Set<ContestAttempt>().Any(t => t.Id == a.AttemptId && ids.Contains(t.ParticipantId))).ToListAsync();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.True(a.IsCorrect));
    }
}

public sealed class ContestOnSqliteTests(ContestOnSqliteTests.SqliteFixture fixture) : ContestOnBothProvidersTests(fixture), IClassFixture<ContestOnSqliteTests.SqliteFixture>
{
    public sealed class SqliteFixture() : Fixture(TestDatabase.Sqlite);
}

public sealed class ContestOnPostgreSqlTests(ContestOnPostgreSqlTests.PostgreSqlFixture fixture) : ContestOnBothProvidersTests(fixture), IClassFixture<ContestOnPostgreSqlTests.PostgreSqlFixture>
{
    public sealed class PostgreSqlFixture() : Fixture(TestDatabase.PostgreSql);
}
