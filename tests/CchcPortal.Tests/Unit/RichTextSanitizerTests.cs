using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

public class RichTextSanitizerTests
{
    private readonly RichTextSanitizer _sanitizer = new();

    [Fact]
    public void Drops_script_elements()
    {
        var html = _sanitizer.Sanitize("<p>Nội dung</p><script>alert('x')</script>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
        Assert.Contains("<p>Nội dung</p>", html);
    }

    [Fact]
    public void Drops_event_handlers()
    {
        var html = _sanitizer.Sanitize("<p onclick=\"steal()\">a</p><img src=\"/media/a.jpg\" onerror=\"steal()\" alt=\"ảnh\">");
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("onerror", html);
        Assert.Contains("<img src=\"/media/a.jpg\" alt=\"ảnh\">", html);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">")]
    public void Drops_javascript_and_data_urls(string input)
    {
        var html = _sanitizer.Sanitize(input);
        Assert.DoesNotContain("javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
    }

    [Fact]
    public void Keeps_tables_and_images()
    {
        const string input = "<table><thead><tr><th scope=\"col\">TT</th><th>Nội dung</th></tr></thead>" +
                             "<tbody><tr><td>1</td><td>Tuyên truyền</td></tr></tbody></table>" +
                             "<p><img src=\"https://example.gov.vn/anh.jpg\" alt=\"Hội nghị\" width=\"640\" height=\"360\"></p>";
        var html = _sanitizer.Sanitize(input);
        Assert.Contains("<table>", html);
        Assert.Contains("<th scope=\"col\">TT</th>", html);
        Assert.Contains("<td>Tuyên truyền</td>", html);
        Assert.Contains("<img src=\"https://example.gov.vn/anh.jpg\" alt=\"Hội nghị\" width=\"640\" height=\"360\">", html);
    }

    [Fact]
    public void Drops_forms_iframes_and_inline_styles()
    {
        var html = _sanitizer.Sanitize("<form action=\"/x\"><input name=\"a\"></form><iframe src=\"https://evil\"></iframe><p style=\"color:red\">b</p>");
        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("<input", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("style", html);
        Assert.Contains("<p>b</p>", html);
    }

    [Fact]
    public void Output_is_NFC()
    {
        var decomposed = "<p>Thủ tục</p>".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("<p>Thủ tục</p>", _sanitizer.Sanitize(decomposed));
    }
}
