using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

/// <summary>The sanitizer keeps the media library reference of the image picker and nothing more.</summary>
public class BodyImageSanitizerTests
{
    private readonly RichTextSanitizer _sanitizer = new();

    [Fact]
    public void Keeps_the_library_reference_and_its_caption()
    {
        var html = _sanitizer.Sanitize("<figure><img data-media-id=\"12\" src=\"/media/images/2026/11/a.jpg\" alt=\"Hội nghị\"><figcaption>Quang cảnh hội nghị</figcaption></figure>");
        Assert.Equal("<figure><img data-media-id=\"12\" src=\"/media/images/2026/11/a.jpg\" alt=\"Hội nghị\"><figcaption>Quang cảnh hội nghị</figcaption></figure>", html);
    }

    [Theory]
    [InlineData("<p data-media-id=\"12\">a</p>")]
    [InlineData("<img data-media-id=\"12 onerror=alert(1)\" src=\"/media/images/a.jpg\" alt=\"a\">")]
    [InlineData("<img data-media-id=\"javascript:alert(1)\" src=\"/media/images/a.jpg\" alt=\"a\">")]
    [InlineData("<img data-media-id=\"-1\" src=\"/media/images/a.jpg\" alt=\"a\">")]
    public void Drops_the_reference_anywhere_else_or_when_it_is_not_a_number(string input)
    {
        var html = _sanitizer.Sanitize(input);
        Assert.DoesNotContain("data-media-id", html);
        Assert.DoesNotContain("alert", html);
    }

    [Fact]
    public void Attacks_around_a_library_image_are_stripped()
    {
        var html = _sanitizer.Sanitize("<figure onclick=\"steal()\"><img data-media-id=\"7\" data-src=\"https://evil.example/x\" src=\"/media/images/a.jpg\" onerror=\"steal()\" style=\"position:fixed\" alt=\"a\">" +
                                       "<figcaption><script>steal()</script><a href=\"javascript:steal()\">xem</a></figcaption></figure>");
        Assert.DoesNotContain("steal", html);
        Assert.DoesNotContain("evil.example", html);
        Assert.DoesNotContain("style", html);
        Assert.Contains("<img data-media-id=\"7\" src=\"/media/images/a.jpg\" alt=\"a\">", html);
        Assert.Contains("<figcaption>", html);
    }
}
