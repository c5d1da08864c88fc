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
