using System.Text;
using CchcPortal.Media.Documents;
using CchcPortal.Media.Images;
using CchcPortal.Tests.Support;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace CchcPortal.Tests.Unit;

public class MediaSanitizerTests
{
    [Fact]
    public void Gps_in_an_images_exif_is_removed_and_the_image_stays_the_same_size()
    {
        var original = TestImages.PngWithGps();
        Assert.True(TestImages.HasGps(original), "the fixture must carry GPS for this test to mean anything");
        var (image, error) = new ImageSanitizer().Sanitize(original);
        Assert.Null(error);
        Assert.Equal(("image/png", 40, 30), (image!.ContentType, image.Width, image.Height));
        Assert.False(TestImages.HasGps(image.Content));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_by_its_declared_size()
    {
        var (image, error) = new ImageSanitizer().Sanitize(TestImages.PngDeclaring(30_000, 30_000));
        Assert.Null(image);
        Assert.Contains("30000 × 30000", error);
    }

    [Fact]
    public void Text_renamed_as_an_image_is_refused()
    {
        var (image, error) = new ImageSanitizer().Sanitize(Encoding.UTF8.GetBytes("Đây không phải là ảnh, chỉ là chữ."));
        Assert.Null(image);
        Assert.Contains("không phải là ảnh", error);
    }

    [Fact]
    public void A_pdfs_author_and_producer_are_removed()
    {
        var original = PdfWithAuthor("Nguyễn Văn Bí Mật");
        var (pdf, error) = PdfSanitizer.Sanitize(original);
        Assert.Null(error);
        Assert.Equal(1, pdf!.PageCount);
        using var reopened = PdfReader.Open(new MemoryStream(pdf.Content), PdfDocumentOpenMode.Import);
        Assert.Equal("", reopened.Info.Author);
        Assert.Equal("", reopened.Info.Title);
    }

    [Fact]
    public void A_file_that_only_starts_like_a_pdf_is_refused()
    {
        var (pdf, error) = PdfSanitizer.Sanitize(Encoding.ASCII.GetBytes("%PDF-1.7\nkhông phải nội dung PDF\n%%EOF"));
        Assert.Null(pdf);
        Assert.Contains("PDF", error);
    }

    private static readonly string[] ActiveMarkers =
        ["/JavaScript", "/JS", "app.alert", "javascript:", "/EmbeddedFile", "MZ this program", "/Launch", "/SubmitForm", "/ImportData", "/XFA", "/RichMedia", "/FileAttachment", "/AA"];

    [Fact]
    public void A_pdfs_scripts_embedded_files_and_dangerous_links_are_removed_and_its_page_kept()
    {
        var hostile = TestPdfs.Hostile();
        var before = TestPdfs.DecodedText(hostile);
        Assert.All(ActiveMarkers, marker => Assert.Contains(marker, before)); // the fixture carries all of them
        Assert.Contains("compressed page open", before);
        Assert.DoesNotContain("compressed page open", System.Text.Encoding.Latin1.GetString(hostile)); // only a decoded look finds it

        var (pdf, error) = PdfSanitizer.Sanitize(hostile);

        Assert.Null(error);
        Assert.Equal(1, pdf!.PageCount);
        var after = TestPdfs.DecodedText(pdf.Content);
        Assert.All(ActiveMarkers, marker => Assert.DoesNotContain(marker, after));
        Assert.DoesNotContain("compressed page open", after);
        Assert.Contains(TestPdfs.PageText, after);
        Assert.Contains(TestPdfs.SafeLink, after); // an https link is not active content
        Assert.Empty(PdfActiveContent.Find(PdfReader.Open(new MemoryStream(pdf.Content), PdfDocumentOpenMode.Import)));
    }

    [Fact]
    public void A_benign_pdf_keeps_its_page_text_and_link()
    {
        var (pdf, error) = PdfSanitizer.Sanitize(TestPdfs.Benign());
        Assert.Null(error);
        Assert.Equal(1, pdf!.PageCount);
        var after = TestPdfs.DecodedText(pdf.Content);
        Assert.Contains(TestPdfs.PageText, after);
        Assert.Contains(TestPdfs.SafeLink, after);
        Assert.Contains("/Link", after);
    }

    internal static byte[] PdfWithAuthor(string author)
    {
        using var document = new PdfDocument();
        document.Info.Author = author;
        document.Info.Title = "Đơn của công dân";
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
