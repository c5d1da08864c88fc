using System.Text.Json;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using CchcPortal.Web.Infrastructure.Backup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Backup;

/// <summary>`backup` while the portal serves and writes, `restore` into a fresh folder, and the restored portal works.</summary>
public class BackupRestoreTests : IDisposable
{
    private const string PostTitle = "Thông báo lịch tiếp nhận hồ sơ trực tuyến dịp cuối năm";
    private readonly List<string> _folders = [];

    [Fact]
    public async Task A_backup_under_write_load_restores_every_row_and_file_and_the_restored_portal_finds_questions_and_search_hits()
    {
        var backupDir = Folder();
        var restoredPath = Folder();
        List<SubmittedCase> acknowledged;
        BackupManifest manifest;
        string[] migrations;
        Microsoft.EntityFrameworkCore.Metadata.IModel model;
        using (var live = new PortalFactory())
        {
            await PublishPostAsync(live);
            // The anti-spam key is made with the first challenge.
            Assert.Equal(System.Net.HttpStatusCode.OK, (await live.Anonymous().GetAsync("/hoi-dap/thu-thach")).StatusCode);
            await using var load = WriteLoad.Start(live.Services);
            await load.WaitForSubmissionsAsync(6);
            acknowledged = load.Submitted.ToList();
            manifest = await new DataFolderBackup(live.Services.GetRequiredService<PortalPaths>(), TimeProvider.System).CreateAsync(backupDir);
            var duringBackup = load.Submitted.Count;
            await load.WaitForSubmissionsAsync(duringBackup + 2);
            await load.StopAsync();
            Assert.True(load.MediaWritten > 0);
            using var scope = live.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            migrations = db.Database.GetMigrations().ToArray();
            model = db.Model;
            // The live portal went on writing after the snapshot: the backup holds fewer cases than it has now.
            Assert.True(await db.QuestionCases.CountAsync() > manifest.Tables["QuestionCases"]);
            Assert.Equal(migrations[^1], manifest.Migration);
        }

        // What a backup holds: the database, keys, the anti-spam key, media and attachments; never the search index or mail pickup.
        BackupComparison.AssertFilesMatch(manifest, backupDir);
        var paths = manifest.Files.Select(f => f.Path).ToList();
        Assert.Contains("cchcportal.db", paths);
        Assert.Contains("antispam.key", paths);
        Assert.Contains(paths, p => p.StartsWith("keys/", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("media/forms/", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("private/attachments/", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("index/", StringComparison.Ordinal) || p.StartsWith("mail-pickup/", StringComparison.Ordinal) || p.Contains("-wal"));
        Assert.Equal(paths.Count + 1, Directory.EnumerateFiles(backupDir, "*", SearchOption.AllDirectories).Count());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(backupDir));
            Assert.All(Directory.EnumerateFiles(backupDir, "*", SearchOption.AllDirectories),
                f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        }

        var restoredPaths = new PortalPaths(new PortalOptions { DataPath = restoredPath }, restoredPath);
        await new DataFolderRestore(restoredPaths).RestoreAsync(backupDir, migrations);
        BackupComparison.AssertFilesMatch(manifest, restoredPath);
        Assert.Equal(paths.Count, Directory.EnumerateFiles(restoredPath, "*", SearchOption.AllDirectories).Count());
        Assert.False(Directory.Exists(Path.Combine(restoredPath, "index")));
        // Before the restored portal starts (its outbox sender and indexer write as soon as it runs).
        BackupComparison.AssertRowsMatch(model, manifest, Path.Combine(backupDir, "cchcportal.db"), restoredPaths.DatabaseFile);

        using var restored = new PortalFactory(restoredPath);
        using (var scope = restored.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // The snapshot is consistent with the files: every attachment it names is there with the SHA-256 the row records.
            var attachments = await db.CaseAttachments.ToListAsync();
            Assert.NotEmpty(attachments);
            foreach (var a in attachments)
                Assert.Equal(a.Sha256, BackupComparison.Sha256(Path.Combine(restoredPaths.PrivatePath, "attachments", a.StoredPath)));
            foreach (var m in await db.MediaItems.ToListAsync())
                Assert.Equal(m.Length, new FileInfo(Path.Combine(restoredPaths.MediaPath, m.Url["/media/".Length..])).Length);

            // Every submission acknowledged before the backup began is found by its code and secret.
            var questions = scope.ServiceProvider.GetRequiredService<QuestionService>();
            foreach (var submitted in acknowledged)
                Assert.NotNull(await questions.TrackAsync(submitted.Code, submitted.Secret));
        }

        // The index was not restored: the first start rebuilt it from the database.
        await restored.WaitForSearchAsync(120);
        var json = await restored.Anonymous().GetStringAsync("/api/search?q=" + Uri.EscapeDataString("tiếp nhận hồ sơ trực tuyến cuối năm"));
        Assert.Contains(PostTitle, JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
    }

    private static async Task PublishPostAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var category = await sp.GetRequiredService<PortalDbContext>().Categories.FirstAsync();
        var posts = sp.GetRequiredService<PostService>();
        var created = await posts.CreateAsync(new PostInput
        {
            Title = PostTitle, Summary = "Bộ phận một cửa tiếp nhận hồ sơ trực tuyến cả ngày thứ Bảy cuối năm.",
            BodyHtml = "<p>Bộ phận một cửa tiếp nhận hồ sơ trực tuyến cả ngày thứ Bảy cuối năm.</p>", CategoryId = category.Id,
        }, null, "Biên tập viên");
        Assert.True(created.Succeeded);
        Assert.True((await posts.PublishNowAsync(created.Value!.Id)).Succeeded);
    }

    private string Folder()
    {
        var path = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        _folders.Add(path);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
