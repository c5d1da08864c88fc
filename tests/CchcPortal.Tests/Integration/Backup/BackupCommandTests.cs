using CchcPortal.Web.Infrastructure;
using CchcPortal.Web.Infrastructure.Backup;
using Microsoft.Data.Sqlite;

namespace CchcPortal.Tests.Integration.Backup;

/// <summary>The operator commands themselves, and every refusal: usage, non-empty folders, no database, a backup that does not verify.</summary>
public class BackupCommandTests : IDisposable
{
    private readonly List<string> _folders = [];

    [Fact]
    public async Task The_backup_command_copies_a_serving_portal_from_another_process_and_the_restore_command_brings_it_back()
    {
        var backupDir = Folder();
        var restoredPath = Folder();
        using (var live = new PortalFactory())
        {
            await live.WaitForSearchAsync();
            await using var load = WriteLoad.Start(live.Services);
            await load.WaitForSubmissionsAsync(3);
            // The server holds the database open and writing, and the search index's lock: the command needs neither.
            var backup = await PortalProcess.RunAsync(live.DataPath, "backup", backupDir);
            Assert.True(backup.ExitCode == 0, backup.Error + backup.Output);
            Assert.Contains("Đã sao lưu", backup.Output);
            await load.StopAsync();

            var again = await PortalProcess.RunAsync(live.DataPath, "backup", backupDir);
            Assert.Equal(BackupExitCodes.NotEmpty, again.ExitCode);
            Assert.Contains("không trống", again.Error);
            var usage = await PortalProcess.RunAsync(live.DataPath, "backup");
            Assert.Equal(BackupExitCodes.Usage, usage.ExitCode);
            Assert.Contains("Cách dùng: backup", usage.Error);
        }
        var manifest = BackupManifest.Read(Path.Combine(backupDir, BackupManifest.FileName));
        BackupComparison.AssertFilesMatch(manifest, backupDir);
        Assert.True(manifest.Tables["QuestionCases"] >= 3);

        var restore = await PortalProcess.RunAsync(restoredPath, "restore", backupDir);
        Assert.True(restore.ExitCode == 0, restore.Error + restore.Output);
        Assert.Contains("Đã phục hồi", restore.Output);
        BackupComparison.AssertFilesMatch(manifest, restoredPath);
        Assert.Equal(manifest.Tables["QuestionCases"], Count(Path.Combine(restoredPath, "cchcportal.db"), "QuestionCases"));
        // Nothing else ran: no migration, seeding or index on the restored folder.
        Assert.Equal(manifest.Files.Count, Directory.EnumerateFiles(restoredPath, "*", SearchOption.AllDirectories).Count());

        var overwrite = await PortalProcess.RunAsync(restoredPath, "restore", backupDir);
        Assert.Equal(BackupExitCodes.NotEmpty, overwrite.ExitCode);
        Assert.Contains("không trống", overwrite.Error);
        var nothing = await PortalProcess.RunAsync(Folder(), "backup", Folder());
        Assert.Equal(BackupExitCodes.NoDatabase, nothing.ExitCode);
        Assert.Contains("Không có cơ sở dữ liệu", nothing.Error);
    }

    [Fact]
    public async Task A_backup_keeps_state_files_and_leaves_derived_ones_out()
    {
        var data = DataFolder();
        var backupDir = Folder();
        var manifest = await new DataFolderBackup(data, TimeProvider.System).CreateAsync(backupDir);
        Assert.Equal(["antispam.key", "cchcportal.db", "keys/key-1.xml", "media/images/2026/11/a.png", "private/attachments/2026/11/b.pdf", "uploads/later.txt"],
            manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(2, manifest.Tables["Notes"]);
        var inside = await Assert.ThrowsAsync<BackupRefusedException>(() => new DataFolderBackup(data, TimeProvider.System).CreateAsync(Path.Combine(data.DataPath, "sao-luu")));
        Assert.Equal(BackupExitCodes.NotEmpty, inside.ExitCode);
    }

    [Fact]
    public async Task A_backup_whose_snapshot_names_a_file_that_is_gone_is_refused_and_leaves_nothing()
    {
        var data = DataFolder();
        using (var db = new SqliteConnection($"Data Source={data.DatabaseFile};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "CREATE TABLE MediaItems (Id INTEGER PRIMARY KEY, Url TEXT); INSERT INTO MediaItems (Url) VALUES ('/media/images/2026/11/a.png'), ('/media/forms/2026/11/gone.pdf');"
                + "CREATE TABLE CaseAttachments (Id INTEGER PRIMARY KEY, StoredPath TEXT); INSERT INTO CaseAttachments (StoredPath) VALUES ('2026/11/b.pdf');";
            command.ExecuteNonQuery();
        }
        var backupDir = Folder();
        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => new DataFolderBackup(data, TimeProvider.System).CreateAsync(backupDir));
        Assert.Equal(BackupExitCodes.Incomplete, refused.ExitCode);
        Assert.Contains("media/forms/2026/11/gone.pdf", refused.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(backupDir));

        var gone = Path.Combine(data.MediaPath, "forms", "2026", "11", "gone.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(gone)!);
        File.WriteAllText(gone, "%PDF-1.4");
        var manifest = await new DataFolderBackup(data, TimeProvider.System).CreateAsync(backupDir);
        Assert.Contains(manifest.Files, f => f.Path == "media/forms/2026/11/gone.pdf");
    }

    [Fact]
    public async Task A_restore_refuses_a_changed_missing_or_escaping_file_and_a_newer_backup_and_writes_nothing()
    {
        var backupDir = Folder();
        await new DataFolderBackup(DataFolder(), TimeProvider.System).CreateAsync(backupDir);
        var manifestFile = Path.Combine(backupDir, BackupManifest.FileName);
        var original = File.ReadAllText(manifestFile);

        async Task<BackupRefusedException> RefusedAsync(string because)
        {
            var target = Folder();
            var refused = await Assert.ThrowsAsync<BackupRefusedException>(() =>
                new DataFolderRestore(new PortalPaths(new PortalOptions { DataPath = target }, target)).RestoreAsync(backupDir, ["20990101000000_Future"]));
            Assert.True(DataFolderLayout.HasNoFiles(target), $"{because}: files written");
            File.WriteAllText(manifestFile, original);
            return refused;
        }

        var attachment = Path.Combine(backupDir, "private", "attachments", "2026", "11", "b.pdf");
        var bytes = File.ReadAllBytes(attachment);
        File.WriteAllText(attachment, "%PDF-1.4 sửa đổi");
        var changed = await RefusedAsync("changed");
        Assert.Equal(BackupExitCodes.NotVerified, changed.ExitCode);
        Assert.Contains("private/attachments/2026/11/b.pdf: nội dung đã thay đổi", changed.Message);
        File.WriteAllBytes(attachment, bytes);

        File.Move(attachment, attachment + ".bak");
        var missing = await RefusedAsync("missing");
        Assert.Equal(BackupExitCodes.NotVerified, missing.ExitCode);
        Assert.Contains("b.pdf: thiếu tệp", missing.Message);
        File.Move(attachment + ".bak", attachment);

        File.WriteAllText(manifestFile, original.Replace("\"keys/key-1.xml\"", "\"../key-1.xml\""));
        Assert.Equal(BackupExitCodes.NotVerified, (await RefusedAsync("escaping")).ExitCode);

        File.WriteAllText(manifestFile, original.Replace("\"migration\": \"\"", "\"migration\": \"21000101000000_FromTheFuture\""));
        Assert.Equal(BackupExitCodes.NewerBackup, (await RefusedAsync("newer")).ExitCode);

        File.WriteAllText(manifestFile, "{ không phải JSON");
        Assert.Equal(BackupExitCodes.NotVerified, (await RefusedAsync("broken manifest")).ExitCode);

        // The same backup, unchanged, restores.
        var target = Folder();
        await new DataFolderRestore(new PortalPaths(new PortalOptions { DataPath = target }, target)).RestoreAsync(backupDir, []);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(target, "private", "attachments", "2026", "11", "b.pdf")));
    }

    /// <summary>A small data folder: a database, state files, and the derived and transient ones a backup leaves out.</summary>
    private PortalPaths DataFolder()
    {
        var path = Folder();
        var paths = new PortalPaths(new PortalOptions { DataPath = path }, path);
        using (var db = new SqliteConnection($"Data Source={paths.DatabaseFile};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT); INSERT INTO Notes (Text) VALUES ('một'), ('hai');";
            command.ExecuteNonQuery();
        }
        foreach (var (file, text) in new[]
        {
            ("antispam.key", "khoá"), ("keys/key-1.xml", "<key/>"), ("media/images/2026/11/a.png", "png"), ("private/attachments/2026/11/b.pdf", "%PDF-1.4"),
            ("uploads/later.txt", "một thư mục trạng thái mới"), ("index/segments_1", "chỉ mục"), ("cache/variants/a-320.webp", "ảnh thu nhỏ"),
            ("mail-pickup/1.eml", "thư"),
        })
        {
            var full = Path.Combine(path, file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return paths;
    }

    private static long Count(string database, string table)
    {
        using var db = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    private string Folder()
    {
        var path = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        _folders.Add(path);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var folder in _folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
