using System.Runtime.InteropServices;

namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// The data folder holds the database, citizens' attachments, mail with tracking secrets and the keys: on Linux and
/// macOS only the service account may read it. The umask covers every file made later (SQLite's -wal/-shm, uploads,
/// .eml, the search index); the walk fixes what an earlier run or a copy left readable.
/// </summary>
public static partial class FileModes
{
    private const UnixFileMode GroupAndOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);

    /// <summary>
    /// Resolves the data folder; with Portal:Security:RestrictFileModes (the default) first sets the umask, then takes
    /// group and other permissions off what is already there. Runs before anything writes to the folder.
    /// </summary>
    public static PortalPaths ResolvePaths(PortalOptions options, string contentRoot)
    {
        if (!options.Security.RestrictFileModes) return new PortalPaths(options, contentRoot);
        RestrictNewFiles();
        var paths = new PortalPaths(options, contentRoot);
        RestrictTree(paths.DataPath);
        if (paths.SharedPath != paths.DataPath) RestrictTree(paths.SharedPath);
        return paths;
    }

    /// <summary>Process-wide: every file and folder this process creates from now on is the owner's only.</summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) SetUmask(0b000_111_111); // 077
    }

    /// <summary>No group or other permission for <paramref name="folder"/> and everything under it; symbolic links are left alone.</summary>
    public static void RestrictTree(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder)) return;
        Restrict(folder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            Restrict(entry.FullName);
    }

    /// <summary>Takes away the group's and others' bits (a 0644 file becomes 0600, a 0755 folder 0700).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void Restrict(string path)
    {
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOther) != 0) File.SetUnixFileMode(path, mode & ~GroupAndOther);
    }
}
