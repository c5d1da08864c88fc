using System.Security.Cryptography;

namespace CchcPortal.Web.Infrastructure.Backup;

/// <summary>Which files of a data folder are state (backed up) and which are derived or transient (left out).</summary>
public static class DataFolderLayout
{
    /// <summary>
    /// Left out: the search index (rebuilt from the database at the next start), resized image variants (made again
    /// on request) and e-mails already written to the pickup folder (the outbox rows in the database are the state).
    /// </summary>
    public static readonly string[] DerivedFolders = ["index", "cache", "mail-pickup"];

    /// <summary>The folders kept under Portal:SharedPath (the data folder by default); a backup holds them as if in the data folder.</summary>
    public static readonly string[] SharedFolders = ["media", "private"];

    /// <summary>
    /// Every file of the data folder that is state, relative and '/' separated, except the database (copied through
    /// SQLite, not as a file): media/, private/ (wherever Portal:SharedPath puts them), keys/, antispam.key and whatever
    /// else a later version keeps there. Files being written (<see cref="CchcPortal.Media.Storage.AtomicFile"/>'s temporary names) are left out.
    /// </summary>
    public static IEnumerable<string> StateFiles(PortalPaths paths)
    {
        var database = Path.GetFileName(paths.DatabaseFile);
        var separate = paths.SharedPath != paths.DataPath;
        var own = Directory.EnumerateFiles(paths.DataPath, "*", SearchOption.AllDirectories)
            .Where(f => !separate || !IsInside(f, paths.SharedPath))
            .Select(f => Path.GetRelativePath(paths.DataPath, f).Replace('\\', '/'));
        var shared = separate
            ? SharedFolders.Select(d => Path.Combine(paths.SharedPath, d)).Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
                .Select(f => Path.GetRelativePath(paths.SharedPath, f).Replace('\\', '/'))
            : [];
        return own.Concat(shared)
            .Where(r => !DerivedFolders.Any(d => r.StartsWith(d + "/", StringComparison.Ordinal)))
            .Where(r => !CchcPortal.Media.Storage.AtomicFile.IsTemporary(r))
            // The database and its WAL, shared-memory and rollback journal files.
            .Where(r => r != database && !r.StartsWith(database + "-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Where a file listed by <see cref="StateFiles"/> lives: media/ and private/ under the shared folder, the rest in the data folder.</summary>
    public static string FullPath(PortalPaths paths, string relative) =>
        Path.GetFullPath(Path.Combine(SharedFolders.Any(d => relative.StartsWith(d + "/", StringComparison.Ordinal)) ? paths.SharedPath : paths.DataPath, relative));

    /// <summary>True when the folder holds no file at all (empty sub-folders are allowed: the portal makes media/ on start).</summary>
    public static bool HasNoFiles(string folder) =>
        !Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any();

    public static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }

    /// <summary>A folder only the service account can read (backups and restored data hold personal data).</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(path); return; }
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static void MakePrivate(string file)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Copies a file (which another process may be writing or deleting) to a new private file; size and SHA-256 of what was copied.</summary>
    public static async Task<BackupFile> CopyAsync(string from, string to, string relative, CancellationToken ct)
    {
        await using var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, FileOptions.SequentialScan);
        CreatePrivateDirectory(Path.GetDirectoryName(to)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 81920 };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var output = new FileStream(to, options))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, ct)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                size += read;
            }
            output.Flush(flushToDisk: true);
        }
        return new BackupFile(relative, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static async Task<BackupFile> DescribeAsync(string file, string relative, CancellationToken ct)
    {
        await using var stream = File.OpenRead(file);
        return new BackupFile(relative, stream.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)));
    }
}
