using System.Text.Json;

namespace CchcPortal.Web.Infrastructure.Backup;

/// <summary>
/// `restore DIR`: puts a backup back into an empty data folder. Every file the manifest lists is checked (present,
/// same size, same SHA-256) before anything is written; a backup that does not verify, or a data folder that holds
/// any file, is refused and nothing is written. The search index is not in a backup: the next start finds it empty
/// and rebuilds it from the restored database.
/// </summary>
public sealed class DataFolderRestore(PortalPaths paths)
{
    /// <param name="knownMigrations">The migrations this version of the portal has; a backup made by a newer one is refused.</param>
    public async Task<BackupManifest> RestoreAsync(string source, IReadOnlyCollection<string> knownMigrations, CancellationToken ct = default)
    {
        var dir = Path.GetFullPath(source);
        var manifestFile = Path.Combine(dir, BackupManifest.FileName);
        if (!File.Exists(manifestFile))
            throw new BackupRefusedException(BackupExitCodes.NotVerified, $"Không tìm thấy {BackupManifest.FileName} trong {dir}: đây không phải là một bản sao lưu của cổng.");
        BackupManifest manifest;
        try { manifest = BackupManifest.Read(manifestFile); }
        catch (JsonException) { throw new BackupRefusedException(BackupExitCodes.NotVerified, $"Tệp {BackupManifest.FileName} trong {dir} bị hỏng, không đọc được."); }
        if (manifest.Format != BackupManifest.CurrentFormat || manifest.Files.All(f => f.Path != manifest.Database))
            throw new BackupRefusedException(BackupExitCodes.NotVerified, $"Tệp {BackupManifest.FileName} trong {dir} không đúng định dạng bản sao lưu hoặc không có cơ sở dữ liệu.");
        if (manifest.Migration.Length > 0 && !knownMigrations.Contains(manifest.Migration))
            throw new BackupRefusedException(BackupExitCodes.NewerBackup,
                $"Bản sao lưu được tạo bởi một phiên bản mới hơn của cổng (cơ sở dữ liệu ở bước {manifest.Migration}). Hãy cài phiên bản đó rồi phục hồi.");
        if (!DataFolderLayout.HasNoFiles(paths.DataPath) || !DataFolderLayout.HasNoFiles(paths.MediaPath) || !DataFolderLayout.HasNoFiles(paths.PrivatePath))
            throw new BackupRefusedException(BackupExitCodes.NotEmpty,
                $"Thư mục dữ liệu {paths.DataPath} không trống. Phục hồi chỉ ghi vào một thư mục dữ liệu trống: đặt Portal__DataPath tới một thư mục mới, hoặc dời dữ liệu cũ đi.");

        var problems = new List<string>();
        foreach (var file in manifest.Files)
        {
            if (TargetOf(file.Path) is null) { problems.Add($"{file.Path}: đường dẫn không hợp lệ"); continue; }
            var path = Path.Combine(dir, file.Path);
            if (!File.Exists(path)) { problems.Add($"{file.Path}: thiếu tệp"); continue; }
            var actual = await DataFolderLayout.DescribeAsync(path, file.Path, ct);
            if (actual.Size != file.Size || !string.Equals(actual.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{file.Path}: nội dung đã thay đổi (SHA-256 không khớp)");
        }
        if (problems.Count > 0)
            throw new BackupRefusedException(BackupExitCodes.NotVerified,
                $"Bản sao lưu {dir} không khớp với {BackupManifest.FileName}; không phục hồi, không ghi gì. {problems.Count} tệp có lỗi:"
                + string.Concat(problems.Take(20).Select(p => "\n  " + p)));

        DataFolderLayout.CreatePrivateDirectory(paths.DataPath);
        var written = new List<string>();
        try
        {
            foreach (var file in manifest.Files)
            {
                var target = TargetOf(file.Path)!;
                var copied = await DataFolderLayout.CopyAsync(Path.Combine(dir, file.Path), target, file.Path, ct);
                written.Add(target);
                if (copied.Size != file.Size || !string.Equals(copied.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                    throw new BackupRefusedException(BackupExitCodes.NotVerified, $"Tệp {file.Path} thay đổi trong khi phục hồi; đã xoá những gì vừa ghi.");
            }
        }
        catch
        {
            foreach (var file in written) File.Delete(file);
            throw;
        }
        return manifest;
    }

    /// <summary>Where a listed file goes; null for a path that would leave the data folder or is not a plain relative path.</summary>
    private string? TargetOf(string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Split('/').Any(s => s is "" or "." or ".."))
            return null;
        var full = DataFolderLayout.FullPath(paths, relative);
        return full.StartsWith(paths.DataPath + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || full.StartsWith(paths.SharedPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
