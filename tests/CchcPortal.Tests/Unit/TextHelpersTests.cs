using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

public class TextHelpersTests
{
    [Theory]
    [InlineData("0262.8552255", "tel:+842628552255")]
    [InlineData("0262 3 852 255", "tel:+842623852255")]
    [InlineData("0912 345 678", "tel:+84912345678")]
    [InlineData("1900 1234", "tel:19001234")]
    [InlineData("+84 262 3852255", "tel:+842623852255")]
    [InlineData("0262.3852255 (dữ liệu mẫu)", "tel:+842623852255")]
    public void Tel_links_are_E164(string written, string expected) => Assert.Equal(expected, PhoneLink.TelHref(written));

    [Fact]
    public void Normalize_collapses_whitespace_and_nbsp_and_composes()
    {
        var input = "  Thủ\u00A0tục \t hành\nchính  ".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("Thủ tục hành chính", VietnameseText.Normalize(input));
    }

    [Theory]
    [InlineData("Đường dây nóng", "duong day nong")]
    [InlineData("THỦ TỤC", "thu tuc")]
    [InlineData("hoá / hóa / uỷ / ủy", "hoa / hoa / uy / uy")]
    public void Fold_removes_diacritics(string input, string expected) => Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Dates_are_shown_in_Vietnam_time()
    {
        var utc = new DateTime(2024, 12, 31, 18, 30, 0, DateTimeKind.Utc);
        Assert.Equal("01/01/2025", VnFormat.Date(utc));
        Assert.Equal("01:30 01/01/2025", VnFormat.DateTime(utc));
    }

    [Fact]
    public void Plain_text_strips_tags_and_decodes_entities()
    {
        Assert.Equal("Kế hoạch & mục tiêu năm 2024", HtmlText.ToPlainText("<h2>Kế hoạch &amp; mục tiêu</h2><p>năm 2024</p>"));
    }
}

public class UploadFileNameTests
{
    [Theory]
    [InlineData(@"C:\Users\an\Ảnh chụp.jpg", "Ảnh chụp.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("đơn<script>.pdf", "đơnscript.pdf")]
    [InlineData("", "tep-tai-len")]
    public void Names_are_cleaned_of_paths_and_markup(string given, string expected) =>
        Assert.Equal(expected, CchcPortal.Web.Features.Media.UploadFileName.Clean(given));

    [Fact]
    public void A_long_name_keeps_its_extension() =>
        Assert.Equal(new string('a', 16) + ".docx", CchcPortal.Web.Features.Media.UploadFileName.Clean(new string('a', 40) + ".docx", 21));
}
