using CchcPortal.Core.Procedures;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using Lucene.Net.Store;

namespace CchcPortal.Web.Infrastructure;

/// <summary>Operator commands run instead of the server: `dotnet run --project src/CchcPortal.Web -- import-procedures FILE`, `-- reindex`.</summary>
public static class CommandLine
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var positional = args.Where(a => !a.StartsWith("--") && !a.Contains('=')).ToList();
        if (positional.Count == 0) return null;
        switch (positional[0])
        {
            case "import-procedures" when positional.Count == 2:
                return await ImportProceduresAsync(app, positional[1]);
            case "import-procedures":
                Console.Error.WriteLine("Cách dùng: import-procedures <tệp .json | .jsonl | .gz | .xlsx | .csv>");
                return 2;
            case "reindex":
                return await ReindexAsync(app);
            default:
                return null;
        }
    }

    /// <summary>Rebuilds the search index from scratch. The server must be stopped: the index has one writer.</summary>
    private static async Task<int> ReindexAsync(WebApplication app)
    {
        LuceneSearchIndex index;
        try
        {
            index = app.Services.GetRequiredService<LuceneSearchIndex>();
        }
        catch (LockObtainFailedException)
        {
            Console.Error.WriteLine("Chỉ mục tìm kiếm đang được máy chủ sử dụng. Dừng máy chủ, hoặc dùng nút \"Xây dựng lại chỉ mục\" trong trang quản trị.");
            return 1;
        }
        using (index)
        {
            using var scope = app.Services.CreateScope();
            var count = await scope.ServiceProvider.GetRequiredService<SearchIndexUpdater>().RebuildAsync();
            Console.WriteLine($"Đã xây dựng lại chỉ mục tìm kiếm: {count} tài liệu, đến thay đổi số {index.CommittedSequence} ({index.Path}).");
        }
        return 0;
    }

    private static async Task<int> ImportProceduresAsync(WebApplication app, string file)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"Không tìm thấy tệp: {file}");
            return 2;
        }
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ProcedureFileImport>()
            .ImportAsync(await File.ReadAllBytesAsync(file), "dòng lệnh");
        if (report.Succeeded)
        {
            Console.WriteLine($"Đã nhập {report.Total} thủ tục: thêm {report.Added}, cập nhật {report.Updated}, không đổi {report.Unchanged}.");
            return 0;
        }
        Console.Error.WriteLine("Tệp bị từ chối, không có thay đổi nào được ghi.");
        if (report.FileError is not null) Console.Error.WriteLine(report.FileError);
        foreach (var issue in report.Rejected) Console.Error.WriteLine($"Dòng {issue.Row} ({issue.Code}): {issue.Message}");
        return 1;
    }
}
