using System.Collections.Concurrent;
using System.Text;
using CchcPortal.Core.Media;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Features.Media;
using CchcPortal.Web.Features.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Backup;

/// <summary>
/// Writers on background tasks, as a serving portal has: citizens' questions with an attachment (file first, then
/// the row, as the public form does) and media uploads (file, then the library row), until stopped.
/// </summary>
public sealed class WriteLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers = [];
    private readonly IServiceProvider _services;
    private int _mediaWritten;

    /// <summary>Submissions whose code and secret reached the caller, in the order they were acknowledged.</summary>
    public ConcurrentQueue<SubmittedCase> Submitted { get; } = new();
    public int MediaWritten => Volatile.Read(ref _mediaWritten);

    private WriteLoad(IServiceProvider services, int writers)
    {
        _services = services;
        for (var i = 0; i < writers; i++)
        {
            var writer = i;
            _writers.Add(Task.Run(() => RunAsync(writer, _stop.Token)));
        }
    }

    public static WriteLoad Start(IServiceProvider services, int writers = 2) => new(services, writers);

    public async Task WaitForSubmissionsAsync(int count, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Submitted.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {Submitted.Count} of {count} submissions in {seconds} s");
            ThrowIfFailed();
            await Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        _stop.Cancel();
        await Task.WhenAll(_writers);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }

    private void ThrowIfFailed()
    {
        if (_writers.FirstOrDefault(t => t.IsFaulted) is { } failed) throw failed.Exception!;
    }

    private async Task RunAsync(int writer, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            using var scope = _services.CreateScope();
            var sp = scope.ServiceProvider;
            if (n % 3 == 2)
            {
                var stored = await sp.GetRequiredService<MediaStore>().SaveDocumentAsync(new MemoryStream(Pdf(writer, n)), Pdf(writer, n).Length, "bieu-mau.pdf", default);
                await sp.GetRequiredService<MediaLibrary>().RegisterAsync(stored.Media!, MediaKind.Document, $"bieu-mau-{writer}-{n}.pdf", "Biểu mẫu", null, "tải thử", default);
                Interlocked.Increment(ref _mediaWritten);
                continue;
            }
            var files = await sp.GetRequiredService<CaseAttachmentStore>().WriteAsync([new CleanAttachment("don.pdf", ".pdf", "application/pdf", Pdf(writer, n))], default);
            var result = await sp.GetRequiredService<QuestionService>().SubmitAsync(new QuestionSubmission
            {
                Kind = CaseKind.Question, Title = $"Hỏi về thủ tục cấp giấy phép số {writer}-{n}",
                Content = "Xin hướng dẫn hồ sơ và thời hạn giải quyết thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ.",
                Name = "Nguyễn Thị Lan", Email = $"lan{writer}.{n}@example.vn",
            }, attachments: files);
            Assert.True(result.Succeeded);
            Submitted.Enqueue(result.Value!);
        }
    }

    private static byte[] Pdf(int writer, int n) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% tep thu {writer}-{n}\n%%EOF\n");
}
