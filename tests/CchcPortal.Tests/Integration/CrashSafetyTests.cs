using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Issue 19, item 8: the real server, killed with SIGKILL during bursts of citizens' questions and an editor's
/// publishing, keeps every submission whose receipt reached the citizen, and its search index catches up.
/// Alone in its collection: the restart times it records mean something only without the rest of the suite beside it.
/// </summary>
[Collection(Name)]
public sealed partial class CrashSafetyTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"Mã hồ sơ: <strong class=""big-number"">(HD-\d{4}-\d{6})</strong>")] private static partial Regex CodePattern();
    [GeneratedRegex(@"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>")] private static partial Regex SecretPattern();
    [GeneratedRegex("<[^>]+>")] private static partial Regex Tags();

    public const string Name = "Real server process";

    private const string AdminEmail = "admin@crash.test";
    private const string AdminPassword = "Crash!Passw0rd#Test";
    private const int Submitters = 4;

    private enum KillMoment { InFlight, RightAfterBurst, AfterQuietBurst }

    private sealed record Submission(string Code, string Secret, string Title, string Content);
    private sealed record Published(string Word, string Title);

    private static readonly Dictionary<string, string> Environment = new()
    {
        ["CCHC_ADMIN_EMAIL"] = AdminEmail,
        ["CCHC_ADMIN_PASSWORD"] = AdminPassword,
        ["Portal__SeedProcedures"] = "false",
        // The test publishes posts as the administrator, who would otherwise have to enrol an authenticator first.
        ["Portal__Security__RequireTwoFactorForAdministrators"] = "false",
        ["Portal__AntiSpam__MaxNumber"] = AltchaTestClient.TestMaxNumber.ToString(),
        ["Portal__RateLimits__PublicPostsPerMinute"] = "100000",
        ["Portal__RateLimits__SignInsPerFiveMinutes"] = "1000",
        ["Portal__RateLimits__LookupsPerMinute"] = "100000",
    };

    [Fact]
    public async Task Acknowledged_submissions_survive_sigkill_and_the_search_index_catches_up()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", "crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        KillMoment[] rounds = [KillMoment.InFlight, KillMoment.RightAfterBurst, KillMoment.InFlight, KillMoment.AfterQuietBurst, KillMoment.InFlight];
        var acknowledged = new List<Submission>();
        var restarts = new List<TimeSpan>();
        PortalProcess? portal = null;
        try
        {
            portal = await PortalProcess.StartAsync(dataPath, Environment, TimeSpan.FromSeconds(300));
            output.WriteLine($"first start (migrations, seed): {portal.StartTime.TotalSeconds:F1} s");
            for (var round = 0; round < rounds.Length; round++)
            {
                var (submitted, published) = await BurstAndKillAsync(portal, round, rounds[round]);
                portal.Dispose();
                acknowledged.AddRange(submitted);

                portal = await PortalProcess.StartAsync(dataPath, Environment, TimeSpan.FromSeconds(180));
                restarts.Add(portal.StartTime);
                output.WriteLine($"round {round + 1} ({rounds[round]}): {submitted.Count} submissions and {published.Count} posts acknowledged; restart {portal.StartTime.TotalSeconds:F1} s");

                // Each submission of this round opens with its code and secret on the tracking page.
                var citizen = portal.Client();
                foreach (var s in submitted)
                {
                    var tracked = await citizen.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = s.Code, ["Secret"] = s.Secret });
                    Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
                    Assert.Contains($"<dd>{s.Title}</dd>", WebUtility.HtmlDecode(await tracked.Content.ReadAsStringAsync()));
                }
                // Every submission acknowledged so far is in the database, title and text as sent.
                var stored = StoredCases(dataPath);
                foreach (var s in acknowledged)
                {
                    Assert.True(stored.TryGetValue(s.Code, out var row), $"{s.Code} acknowledged but missing after round {round + 1}");
                    Assert.Equal((s.Title, s.Content), row);
                }
                // Every post whose publication was acknowledged is found by the search page (the index replays the change feed).
                foreach (var p in published)
                    await WaitUntilSearchableAsync(citizen, p);
            }
            portal.Dispose();
            Assert.True(acknowledged.Count >= rounds.Length, $"only {acknowledged.Count} submissions acknowledged: the bursts did not run");
            output.WriteLine($"{acknowledged.Count} acknowledged submissions intact; restarts {string.Join(", ", restarts.Select(r => r.TotalSeconds.ToString("F1")))} s");
        }
        finally
        {
            portal?.Dispose(); // a failed assertion must not leave the server running
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Citizens submit questions while an administrator publishes posts; the process is killed at <paramref name="moment"/>.</summary>
    private static async Task<(List<Submission>, List<Published>)> BurstAndKillAsync(PortalProcess portal, int round, KillMoment moment)
    {
        var submitted = new ConcurrentBag<Submission>();
        var published = new ConcurrentBag<Published>();
        using var stop = new CancellationTokenSource();
        var perWorker = moment == KillMoment.InFlight ? int.MaxValue : 3;

        var admin = portal.Client();
        var signIn = await admin.PostFormAsync("/tai-khoan/dang-nhap", new() { ["Email"] = AdminEmail, ["Password"] = AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var categoryId = FirstCategoryId(portal);

        var workers = Enumerable.Range(0, Submitters).Select(w => Task.Run(async () =>
        {
            var citizen = portal.Client();
            for (var i = 0; i < perWorker && !stop.IsCancellationRequested; i++)
            {
                var title = $"Hỏi về hồ sơ đất đai số {round}-{w}-{i} tại phường";
                var content = $"Tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần {round}-{w}-{i}, xin hỏi khi nào có kết quả?";
                try
                {
                    var receipt = await citizen.PostQuestionAsync(Question(title, content));
                    var html = await receipt.Content.ReadAsStringAsync();
                    if (CodePattern().Match(html) is { Success: true } code && SecretPattern().Match(html) is { Success: true } secret)
                        submitted.Add(new(code.Groups[1].Value, secret.Groups[1].Value, title, content));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // the server was killed under this request: nothing reached the citizen
                }
            }
        })).ToList();
        workers.Add(Task.Run(async () =>
        {
            for (var i = 0; i < Math.Min(perWorker, 2) && !stop.IsCancellationRequested; i++)
            {
                var word = Nonce(round, i);
                var title = $"Thông báo kiểm tra an toàn dữ liệu {word}";
                try
                {
                    var publish = await admin.PostFormAsync("/quan-tri/bai-viet/sua?handler=Publish", new()
                    {
                        ["Input.Title"] = title, ["Input.Summary"] = "", ["Input.Tags"] = "",
                        ["Input.BodyHtml"] = $"<p>Bài viết kiểm tra khôi phục sau sự cố, từ khóa {word}.</p>",
                        ["Input.CategoryId"] = categoryId.ToString(),
                    }, "/quan-tri/bai-viet/sua");
                    if (publish.StatusCode == HttpStatusCode.Redirect) published.Add(new(word, title));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    return;
                }
            }
        }));

        if (moment == KillMoment.InFlight)
        {
            // Kill once the burst is well under way: other submissions are then between their POST and their receipt.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (submitted.Count < 3 + round && DateTime.UtcNow < deadline) await Task.Delay(20);
            await Task.Delay(Random.Shared.Next(0, 150));
            portal.Kill();
            stop.Cancel();
            await Task.WhenAll(workers);
        }
        else
        {
            await Task.WhenAll(workers);
            // Right after: the indexer and the outbox are still at work; after a quiet second they have settled.
            if (moment == KillMoment.AfterQuietBurst) await Task.Delay(1000);
            portal.Kill();
        }
        return ([.. submitted], [.. published]);
    }

    private static Dictionary<string, string> Question(string title, string content) => new()
    {
        ["Input.Kind"] = "Question", ["Input.Title"] = title, ["Input.Content"] = content,
        ["Input.Name"] = "Trần Văn Kiểm", ["Input.Phone"] = "0905 123 456", ["Input.Email"] = "kiem@example.vn",
        ["Input.Area"] = "Phường Nghĩa Lộ", ["Input.ConsentToPublish"] = "true",
    };

    /// <summary>A word no seeded text holds, in letters only, so the search finds exactly this post.</summary>
    private static string Nonce(int round, int i) =>
        "zq" + new string(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray()) + (char)('a' + round) + (char)('a' + i);

    private static async Task WaitUntilSearchableAsync(HttpClient client, Published post)
    {
        // Seconds on a quiet machine; generous, since a kill before the first index commit means a full rebuild.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            // Text only: the results mark the matched word (<mark>) inside the title.
            var text = WebUtility.HtmlDecode(Tags().Replace(await client.GetStringAsync($"/tim-kiem?q={post.Word}"), ""));
            if (text.Contains(post.Title)) return;
            Assert.True(DateTime.UtcNow < deadline, $"\"{post.Title}\" was published before the kill but is not searchable 180 s after the restart");
            await Task.Delay(250);
        }
    }

    private static SqliteConnection Open(string dataPath)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataPath, "cchcportal.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static Dictionary<string, (string, string)> StoredCases(string dataPath)
    {
        using var connection = Open(dataPath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Code, Title, Content FROM QuestionCases";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (string, string)>();
        while (reader.Read()) rows[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        return rows;
    }

    private static int FirstCategoryId(PortalProcess portal)
    {
        using var connection = Open(portal.DataPath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Categories ORDER BY Id LIMIT 1";
        return Convert.ToInt32(command.ExecuteScalar());
    }
}

[CollectionDefinition(CrashSafetyTests.Name, DisableParallelization = true)]
public sealed class RealServerCollection;
