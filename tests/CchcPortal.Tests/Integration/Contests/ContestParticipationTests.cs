using System.Net;
using CchcPortal.Core.Contests;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Tests.Integration.Contests;

/// <summary>A participant's way through the contest, on the real app: registration, the timed attempt kept by the server, scoring, limits.</summary>
public sealed class ContestParticipationTests : IClassFixture<ContestParticipationTests.Portal>
{
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly PortalFactory _f;
    public ContestParticipationTests(Portal portal) => _f = portal.Factory;

    [Fact]
    public async Task Registration_with_missing_or_wrong_fields_answers_422_in_Vietnamese_and_keeps_what_was_typed()
    {
        var contest = await _f.DemoContestAsync();
        var p = _f.Participant(contest);
        var response = await p.RegisterAsync(name: "", phone: "09 abc", unit: "Trường Tiểu học Hòa Thắng <b>", commune: "", guess: "khoảng 500");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng nhập họ và tên.", html);
        Assert.Contains("Vui lòng nhập xã/phường nơi bạn sinh sống.", html);
        Assert.Contains("có ký tự không hợp lệ", html);
        Assert.Contains("Câu hỏi phụ cần một số nguyên", html);
        // The unit typed comes back in its field, encoded.
        Assert.Contains("value=\"Trường Tiểu học Hòa Thắng &lt;b&gt;\"", html);
        Assert.Equal(0, await _f.WithDbAsync(db => db.Set<ContestParticipant>().CountAsync(x => x.Unit.StartsWith("Trường Tiểu học Hòa Thắng"))));
    }

    [Fact]
    public async Task A_reload_keeps_the_questions_the_clock_and_the_saved_answers_and_late_answers_do_not_count()
    {
        var contest = await _f.DemoContestAsync();
        var p = _f.Participant(contest);
        Assert.Equal(HttpStatusCode.SeeOther, (await p.RegisterAsync(phone: "0912 000 101")).StatusCode);
        var attempt = await p.StartedAttemptAsync();
        var first = await p.SheetAsync(attempt);
        Assert.Equal(contest.QuestionsPerAttempt, first.QuestionIds.Count);
        Assert.Equal(contest.QuestionsPerAttempt, first.QuestionIds.Distinct().Count());
        var correct = await _f.QuestionsAsync(contest.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await p.SaveAsync(attempt, first.Token, first.QuestionIds[0], correct[first.QuestionIds[0]].Correct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await p.SaveAsync(attempt, first.Token, first.QuestionIds[1], ContestPortal.Wrong(correct[first.QuestionIds[1]].Correct))).StatusCode);
        _f.Clock.Advance(TimeSpan.FromMinutes(4));

        var reloaded = await p.SheetAsync(attempt);
        Assert.Equal(first.QuestionIds, reloaded.QuestionIds);
        Assert.Equal(correct[first.QuestionIds[0]].Correct, reloaded.Chosen[first.QuestionIds[0]]);
        Assert.Equal(2, reloaded.Chosen.Count);
        // The clock did not restart: 6 of the 10 minutes are left.
        Assert.Contains("data-seconds-left=\"360\"", reloaded.Html);
        // Starting again resumes the same attempt.
        Assert.Equal(p.SheetUrl(attempt), (await p.StartAsync()).Headers.Location!.OriginalString);

        // After the deadline and its grace: an answer is refused and the attempt is closed with what was saved in time.
        _f.Clock.Advance(TimeSpan.FromMinutes(6) + ContestLimits.Grace + TimeSpan.FromSeconds(1));
        var late = await p.SaveAsync(attempt, first.Token, first.QuestionIds[2], correct[first.QuestionIds[2]].Correct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("hết giờ", await late.Content.ReadAsStringAsync());
        var stored = await _f.WithDbAsync(db => db.Set<ContestAttempt>().Include(a => a.Answers).SingleAsync(a => a.Token == attempt));
        Assert.Equal(1, stored.Score);
        Assert.Equal(2, stored.Answers.Count);
        Assert.Equal(10 * 60 * 1000, stored.TimeTakenMs);
        // The sheet now leads to the result.
        var again = await p.Http.GetAsync(p.SheetUrl(attempt));
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.EndsWith($"/ket-qua/{attempt}", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Answers_are_scored_on_the_server_and_no_response_before_the_end_shows_right_options_or_sources()
    {
        var contest = await _f.DemoContestAsync();
        var p = _f.Participant(contest);
        await p.RegisterAsync(phone: "0912 000 202");
        var attempt = await p.StartedAttemptAsync();
        var sheet = await p.SheetAsync(attempt);
        var questions = await _f.QuestionsAsync(contest.Id);
        var choices = sheet.QuestionIds.ToDictionary(id => id, id => questions[id].Correct);
        choices[sheet.QuestionIds[^1]] = ContestPortal.Wrong(questions[sheet.QuestionIds[^1]].Correct);
        // Saved as one goes (the script's way) for half, the rest only with the final form.
        foreach (var id in sheet.QuestionIds.Take(5)) Assert.Equal(HttpStatusCode.NoContent, (await p.SaveAsync(attempt, sheet.Token, id, choices[id])).StatusCode);
        await p.SheetAsync(attempt);
        // A question that was not drawn, and an option that does not exist, count for nothing.
        var notDrawn = questions.Keys.First(id => !sheet.QuestionIds.Contains(id));
        Assert.Equal(HttpStatusCode.NotFound, (await p.SaveAsync(attempt, sheet.Token, notDrawn, questions[notDrawn].Correct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await p.SaveAsync(attempt, sheet.Token, sheet.QuestionIds[0], "E")).StatusCode);

        var before = p.Bodies.ToList();
        var drawnSources = sheet.QuestionIds.Select(id => questions[id].LegalSource).Distinct().ToList();
        foreach (var body in before)
        {
            Assert.DoesNotContain("đáp án đúng)", body);
            Assert.DoesNotContain("option-right", body);
            Assert.DoesNotContain("Căn cứ:", body);
            foreach (var source in drawnSources) Assert.DoesNotContain(source, body);
        }

        var result = await p.SubmitAsync(attempt, choices.Where(c => !sheet.QuestionIds.Take(5).Contains(c.Key)).Append(new(notDrawn, "A")).ToDictionary());
        Assert.Contains($"<strong>{contest.QuestionsPerAttempt - 1}/{contest.QuestionsPerAttempt}</strong>", result);
        Assert.Contains("(đáp án đúng)", result);
        foreach (var source in drawnSources) Assert.Contains(source, result);
        var stored = await _f.WithDbAsync(db => db.Set<ContestAttempt>().Include(a => a.Answers).SingleAsync(a => a.Token == attempt));
        Assert.Equal(contest.QuestionsPerAttempt - 1, stored.Score);
        Assert.DoesNotContain(stored.Answers, a => a.QuestionId == notDrawn);
    }

    [Fact]
    public async Task A_person_gets_the_set_number_of_attempts_and_a_second_device_with_the_same_phone_is_the_same_person()
    {
        var contest = await _f.DemoContestAsync();
        var p = _f.Participant(contest);
        await p.RegisterAsync(phone: "0912 000 303");
        for (var i = 0; i < contest.AttemptsPerPerson; i++)
        {
            var attempt = await p.StartedAttemptAsync();
            await p.SubmitAsync(attempt, new Dictionary<int, string>());
        }
        var refused = await p.StartAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"Bạn đã dùng hết {contest.AttemptsPerPerson} lượt thi", await refused.Content.ReadAsStringAsync());

        var otherPhone = _f.Participant(contest);
        Assert.Equal(HttpStatusCode.SeeOther, (await otherPhone.RegisterAsync(name: "Nguyễn T. Lan", phone: "+84 912 000 303")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await otherPhone.StartAsync()).StatusCode);
        Assert.Equal(1, await _f.WithDbAsync(db => db.Set<ContestParticipant>().CountAsync(x => x.ContestId == contest.Id && x.Phone == "0912000303")));
        Assert.Equal(contest.AttemptsPerPerson, await _f.WithDbAsync(db => db.Set<ContestAttempt>().CountAsync(a => a.ContestId == contest.Id && a.Number > 0 &&
            db.Set<ContestParticipant>().Any(x => x.Id == a.ParticipantId && x.Phone == "0912000303"))));
    }
}
