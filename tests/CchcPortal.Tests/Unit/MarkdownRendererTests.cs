using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new(new RichTextSanitizer());

    [Fact]
    public void Keeps_pipe_tables_and_drops_raw_scripts()
    {
        const string md = "## Phụ lục\n\n| TT | Nội dung | Thời gian |\n|---|---|---|\n| 1 | Tuyên truyền trên báo | Quý I |\n\n<script>alert(1)</script>\n";
        var html = _renderer.ToHtml(md);
        Assert.Contains("<table>", html);
        Assert.Contains("<th>Nội dung</th>", html);
        Assert.Contains("<td>Tuyên truyền trên báo</td>", html);
        Assert.Contains("<h2", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Renders_the_real_plan_files()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "seed", "plans");
        var files = Directory.GetFiles(seed, "*.md");
        Assert.Equal(5, files.Length);
        foreach (var file in files)
        {
            var html = _renderer.ToHtml(File.ReadAllText(file));
            Assert.True(html.Length > 5_000, $"{Path.GetFileName(file)} rendered to {html.Length} characters");
            Assert.Contains("<p>", html);
            Assert.Equal(html.Normalize(System.Text.NormalizationForm.FormC), html);
        }
    }
}
