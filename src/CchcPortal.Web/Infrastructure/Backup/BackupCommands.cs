using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Web.Infrastructure.Backup;

/// <summary>
/// `backup DIR` and `restore DIR`, run before <see cref="StartupTasks.PreparePortalAsync"/>: they must not migrate,
/// seed or clean the live database, nor open the search index (the running server holds its lock).
/// </summary>
public static class BackupCommands
{
    public const string PostgreSqlRefusal =
        "Lệnh backup/restore chỉ dùng cho cơ sở dữ liệu SQLite. Với PostgreSQL (Database:Provider=PostgreSql), sao lưu cơ sở dữ liệu bằng "
        + "pg_dump (ví dụ: pg_dump -Fc -f cchc.dump cchcportal) và phục hồi bằng pg_restore; thư mục media, private/ và keys/ "
        + "được sao chép riêng (xem README, mục Database).";

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var positional = args.Where(a => !a.StartsWith("--") && !a.Contains('=')).ToList();
        if (positional.Count == 0 || positional[0] is not ("backup" or "restore")) return null;
        var command = positional[0];
        if (positional.Count != 2)
        {
            Console.Error.WriteLine(command == "backup"
                ? "Cách dùng: backup <thư mục sao lưu mới hoặc trống>. Sao lưu cơ sở dữ liệu, media, tệp đính kèm và khoá của thư mục dữ liệu (Portal:DataPath) trong khi cổng vẫn chạy."
                : "Cách dùng: restore <thư mục sao lưu>. Phục hồi một bản sao lưu vào thư mục dữ liệu (Portal:DataPath), thư mục này phải trống.");
            return BackupExitCodes.Usage;
        }
        if (DatabaseSetup.Provider(app.Configuration) == DatabaseProvider.PostgreSql)
        {
            Console.Error.WriteLine(PostgreSqlRefusal);
            return BackupExitCodes.OtherDatabase;
        }
        var paths = app.Services.GetRequiredService<PortalPaths>();
        try
        {
            if (command == "backup")
            {
                var manifest = await new DataFolderBackup(paths, app.Services.GetRequiredService<TimeProvider>()).CreateAsync(positional[1]);
                Console.WriteLine($"Đã sao lưu {paths.DataPath} vào {Path.GetFullPath(positional[1])}: {manifest.Files.Count} tệp, "
                    + $"{manifest.Files.Sum(f => f.Size) / 1024.0 / 1024.0:0.0} MB, {manifest.Tables.Values.Sum()} dòng dữ liệu.");
            }
            else
            {
                string[] known;
                using (var scope = app.Services.CreateScope())
                    known = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetMigrations().ToArray();
                var manifest = await new DataFolderRestore(paths).RestoreAsync(positional[1], known);
                Console.WriteLine($"Đã phục hồi bản sao lưu lúc {manifest.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC vào {paths.DataPath}: {manifest.Files.Count} tệp. "
                    + "Lần khởi động tiếp theo sẽ xây dựng lại chỉ mục tìm kiếm.");
            }
            return 0;
        }
        catch (BackupRefusedException refused)
        {
            Console.Error.WriteLine(refused.Message);
            return refused.ExitCode;
        }
    }
}
