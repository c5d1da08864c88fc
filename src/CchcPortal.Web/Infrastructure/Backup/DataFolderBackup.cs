using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CchcPortal.Web.Infrastructure.Backup;

/// <summary>
/// `backup DIR`: a consistent copy of a data folder while the portal serves from it. The database goes first, through
/// SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase"/>): it copies every page in one step
/// inside one read transaction, so under WAL it is a snapshot of the last commit before it began and never blocks
/// the server's writer. It is chosen over VACUUM INTO because it is the API SQLite documents for online backups, is
/// an exact page copy (no rebuilt indexes) and needs no SQL string with the target's path. The files follow the
/// snapshot: media and attachments are written before the rows that name them are committed, so every file the
/// snapshot names is already on disk; one deleted in between (a replaced image, a removed attachment) is caught by
/// checking the snapshot's references, and the whole copy is taken again.
/// </summary>
public sealed class DataFolderBackup(PortalPaths paths, TimeProvider time)
{
    private const int Attempts = 3;

    public async Task<BackupManifest> CreateAsync(string target, CancellationToken ct = default)
    {
        var dir = Path.GetFullPath(target);
        if (!File.Exists(paths.DatabaseFile))
            throw new BackupRefusedException(BackupExitCodes.NoDatabase,
                $"Không có cơ sở dữ liệu để sao lưu: {paths.DatabaseFile}. Kiểm tra Portal:DataPath (biến môi trường Portal__DataPath).");
        if (DataFolderLayout.IsInside(dir, paths.DataPath))
            throw new BackupRefusedException(BackupExitCodes.NotEmpty,
                $"Thư mục sao lưu {dir} nằm trong thư mục dữ liệu {paths.DataPath}. Hãy chọn một thư mục bên ngoài, tốt nhất trên một ổ đĩa khác.");
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new BackupRefusedException(BackupExitCodes.NotEmpty,
                $"Thư mục sao lưu {dir} không trống. Mỗi bản sao lưu cần một thư mục mới hoặc trống.");
        DataFolderLayout.CreatePrivateDirectory(dir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var missing = new List<string>();
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (attempt > 1) Empty(dir);
            var manifest = await CopyOnceAsync(dir, missing, ct);
            if (missing.Count == 0)
            {
                var manifestFile = Path.Combine(dir, BackupManifest.FileName);
                manifest.Write(manifestFile);
                DataFolderLayout.MakePrivate(manifestFile);
                return manifest;
            }
        }
        Empty(dir);
        throw new BackupRefusedException(BackupExitCodes.Incomplete,
            $"Không sao lưu được: {missing.Count} tệp mà cơ sở dữ liệu tham chiếu không có trong thư mục dữ liệu (ví dụ {missing[0]}), "
            + $"sau {Attempts} lần thử. Kiểm tra thư mục media/ và private/.");
    }

    private async Task<BackupManifest> CopyOnceAsync(string dir, List<string> missing, CancellationToken ct)
    {
        missing.Clear();
        var databaseName = Path.GetFileName(paths.DatabaseFile);
        var snapshotFile = Path.Combine(dir, databaseName);
        var manifest = new BackupManifest
        {
            CreatedAt = time.GetUtcNow().UtcDateTime,
            AppVersion = typeof(DataFolderBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            Database = databaseName,
        };
        var references = TakeSnapshot(snapshotFile, manifest);
        DataFolderLayout.MakePrivate(snapshotFile);
        manifest.Files.Add(await DataFolderLayout.DescribeAsync(snapshotFile, databaseName, ct));

        foreach (var relative in DataFolderLayout.StateFiles(paths))
        {
            try
            {
                manifest.Files.Add(await DataFolderLayout.CopyAsync(DataFolderLayout.FullPath(paths, relative), Path.Combine(dir, relative), relative, ct));
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Deleted since it was listed: fine unless the snapshot names it (checked below).
            }
        }
        var copied = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        missing.AddRange(references.Where(r => !copied.Contains(r)));
        return manifest;
    }

    /// <summary>Copies the database into <paramref name="snapshotFile"/>; fills the manifest's tables and migration; returns the files the snapshot names.</summary>
    private List<string> TakeSnapshot(string snapshotFile, BackupManifest manifest)
    {
        // Mode=ReadWrite: never creates a database; Pooling off so no handle on the live file outlives the command.
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = paths.DatabaseFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString()))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = snapshotFile, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshotFile, Pooling = false }.ToString());
        copy.Open();
        // One self-contained file: no -wal beside it (the portal switches it back to WAL when it starts).
        Execute(copy, "PRAGMA journal_mode=DELETE;");
        if (Scalar(copy, "PRAGMA integrity_check;") is not "ok" and var problem)
            throw new BackupRefusedException(BackupExitCodes.Incomplete, $"Bản sao cơ sở dữ liệu không toàn vẹn ({problem}); không sao lưu.");
        foreach (var table in Column(copy, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
            manifest.Tables[table] = Convert.ToInt64(Scalar(copy, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\""));
        if (manifest.Tables.ContainsKey("__EFMigrationsHistory"))
            manifest.Migration = Scalar(copy, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1") as string ?? "";

        var references = new List<string>();
        if (manifest.Tables.ContainsKey("CaseAttachments"))
            references.AddRange(Column(copy, "SELECT StoredPath FROM CaseAttachments").Select(p => "private/attachments/" + p));
        if (manifest.Tables.ContainsKey("MediaItems"))
            references.AddRange(Column(copy, "SELECT Url FROM MediaItems WHERE Url LIKE '/media/%'").Select(u => "media/" + u["/media/".Length..]));
        return references;
    }

    private static void Empty(string dir)
    {
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo d) d.Delete(recursive: true);
            else entry.Delete();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
