using Markdig;

namespace CchcPortal.Core.Common;

/// <summary>Markdown (with pipe and grid tables) to sanitized HTML.</summary>
public sealed class MarkdownRenderer(RichTextSanitizer sanitizer)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public string ToHtml(string markdown) =>
        sanitizer.Sanitize(Markdown.ToHtml(VietnameseText.NormalizeLines(markdown), Pipeline));
}
