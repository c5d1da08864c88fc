using System.Net;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>The answer keeps its formatting: the news editor on the case page, paragraphs from a plain textarea without JS.</summary>
public class AnswerEditorTests
{
    private static async Task<(string Draft, string Answer)> SavedAsync(PortalFactory f, int caseId)
    {
        using var scope = f.Services.CreateScope();
        var c = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(x => x.Id == caseId);
        return (c.DraftHtml, c.AnswerHtml);
    }

    [Fact]
    public async Task The_case_page_loads_the_rich_text_editor_for_the_draft_box()
    {
        using var factory = new PortalFactory();
        var c = await AnsweringCase.StartAsync(factory);

        var page = await c.Responder.GetStringAsync(c.Page);
        Assert.Matches(@"<textarea[^>]*name=""Input.DraftHtml""[^>]*data-rich-text[^>]*data-editor-height=""\d+""", page);
        // Fingerprinted file names: /lib/tinymce/tinymce.{hash}.min.js.
        Assert.Matches(@"<script src=""?/lib/tinymce/tinymce\.", page);
        Assert.Matches(@"<script src=""?/js/manager\.", page);
    }

    [Fact]
    public async Task A_plain_text_draft_keeps_its_paragraphs_and_an_html_draft_its_lists_without_scripts()
    {
        using var factory = new PortalFactory();
        var c = await AnsweringCase.StartAsync(factory);

        var plain = "Hồ sơ gồm:\r\ntờ khai & bản sao CCCD <có chứng thực>.\r\n\r\nNộp tại Bộ phận Một cửa Sở Tư pháp.";
        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Responder, new() { ["Input.Action"] = "SaveDraft", ["Input.DraftHtml"] = plain })).StatusCode);
        Assert.Equal("<p>Hồ sơ gồm:<br>tờ khai &amp; bản sao CCCD &lt;có chứng thực&gt;.</p><p>Nộp tại Bộ phận Một cửa Sở Tư pháp.</p>", (await SavedAsync(factory, c.Id)).Draft);

        var html = "<p>Hồ sơ gồm:</p><ul><li>Tờ khai</li><li>Bản sao CCCD</li></ul><script>alert(1)</script>";
        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Responder, new() { ["Input.Action"] = "SubmitForApproval", ["Input.DraftHtml"] = html })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Head, new() { ["Input.Action"] = "Approve" })).StatusCode);
        var (_, answer) = await SavedAsync(factory, c.Id);
        Assert.Equal("<p>Hồ sơ gồm:</p><ul><li>Tờ khai</li><li>Bản sao CCCD</li></ul>", answer);
        var published = await factory.Anonymous().GetStringAsync($"/hoi-dap/cau-hoi/{c.Code}");
        Assert.Contains("<ul><li>Tờ khai</li>", published);
        Assert.DoesNotContain("alert(1)", published);
    }
}
