using CchcPortal.Core.Data;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using LockObtainFailedException = Lucene.Net.Store.LockObtainFailedException;
using CchcPortal.Core.Seeding;

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
            case "grow-demo-data":
                return await GrowDemoDataAsync(app, args);
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
            var updater = scope.ServiceProvider.GetRequiredService<SearchIndexUpdater>();
            var count = await updater.RebuildAsync();
            Console.WriteLine($"Đã xây dựng lại chỉ mục tìm kiếm: {count} tài liệu, đến thay đổi số {index.CommittedSequence} ({index.Path}).");
            Console.WriteLine($"Thời gian: {updater.LastRebuild}.");
        }
        return 0;
    }

    /// <summary>
    /// Benchmark data: `grow-demo-data --posts 20000 --questions 5000 --confirm [--qa-folder DIR] [--force]`.
    /// Refused without --confirm, and on the default App_Data folder without --force: it is never for a real portal.
    /// </summary>
    private static async Task<int> GrowDemoDataAsync(WebApplication app, string[] args)
    {
        if (RefusalBeforeStart(app.Configuration, args) is { } refused) return refused;
        var posts = int.Parse(Value(args, "--posts") ?? "0");
        var questions = int.Parse(Value(args, "--questions") ?? "0");
        var qaFolder = Value(args, "--qa-folder") ?? FindSharedQaFolder();
        var samples = qaFolder is null ? [] : QaSampleFile.LoadFolder(qaFolder);
        using var scope = app.Services.CreateScope();
        var grower = new DemoDataGrower(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var started = System.Diagnostics.Stopwatch.StartNew();
        var report = await grower.GrowAsync(posts, questions, samples);
        Console.WriteLine($"Đã thêm {report.PostsAdded} bài viết và {report.QuestionsAdded} câu hỏi đã trả lời ({samples.Count} mẫu hỏi đáp thật) trong {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>
    /// Checked before migrations and seeding run, so a refused grow-demo-data never creates or touches a data folder.
    /// Null when the command line is not a refused grow-demo-data.
    /// </summary>
    public static int? RefusalBeforeStart(IConfiguration config, string[] args)
    {
        if (!args.Contains("grow-demo-data")) return null;
        if (!int.TryParse(Value(args, "--posts") ?? "0", out var posts) || !int.TryParse(Value(args, "--questions") ?? "0", out var questions)
            || posts < 0 || questions < 0 || posts + questions == 0 || !args.Contains("--confirm"))
        {
            Console.Error.WriteLine("Cách dùng: grow-demo-data --posts <số> --questions <số> --confirm [--qa-folder <thư mục>] [--force]");
            Console.Error.WriteLine("Thêm dữ liệu thử tải (bài viết, câu hỏi đã trả lời) vào cơ sở dữ liệu trong Portal:DataPath; chỉ dùng cho thư mục thử nghiệm.");
            return 2;
        }
        if (string.IsNullOrWhiteSpace(config["Portal:DataPath"]) && !args.Contains("--force"))
        {
            Console.Error.WriteLine("Từ chối: Portal:DataPath đang là thư mục mặc định App_Data. Hãy đặt Portal__DataPath tới một thư mục thử nghiệm (hoặc thêm --force).");
            return 2;
        }
        return null;
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>../shared/data/vn-research/qa above the current folder, as the repository is laid out next to shared/.</summary>
    private static string? FindSharedQaFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "vn-research", "qa");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
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
