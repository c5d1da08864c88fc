using CchcPortal.Core.Common;

namespace CchcPortal.Tests.Unit;

public class SlugGeneratorTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang-ky-khai-sinh")]
    [InlineData("ĐƯỜNG DÂY NÓNG", "duong-day-nong")]
    [InlineData("Thủ tục hành chính: cấp lại Giấy phép xây dựng (nhà ở riêng lẻ)", "thu-tuc-hanh-chinh-cap-lai-giay-phep-xay-dung-nha-o-rieng-le")]
    [InlineData("Ưu tiên ơ ư ừ ữ ợ ỡ", "uu-tien-o-u-u-u-o-o")]
    [InlineData("Hoá đơn / Hóa đơn", "hoa-don-hoa-don")]
    [InlineData("  Kế hoạch số 37/KH-UBND  ", "ke-hoach-so-37-kh-ubnd")]
    [InlineData("Quý I/2024 — 100% hồ sơ", "quy-i-2024-100-ho-so")]
    public void Slugify_removes_tones_and_diacritics(string title, string expected) =>
        Assert.Equal(expected, SlugGenerator.Slugify(title));

    [Fact]
    public void Slugify_treats_decomposed_and_composed_text_alike()
    {
        var nfd = "Đăng ký khai sinh".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("Đăng ký khai sinh", nfd);
        Assert.Equal("dang-ky-khai-sinh", SlugGenerator.Slugify(nfd));
    }

    [Fact]
    public async Task Duplicates_get_a_numeric_suffix()
    {
        var taken = new HashSet<string> { "dang-ky-khai-sinh", "dang-ky-khai-sinh-2" };
        var slug = await SlugGenerator.UniqueAsync("Đăng ký khai sinh", s => Task.FromResult(taken.Contains(s)));
        Assert.Equal("dang-ky-khai-sinh-3", slug);
        var first = await SlugGenerator.UniqueAsync("Đăng ký kết hôn", s => Task.FromResult(taken.Contains(s)));
        Assert.Equal("dang-ky-ket-hon", first);
    }

    [Fact]
    public async Task Title_without_letters_falls_back()
    {
        var slug = await SlugGenerator.UniqueAsync("!!!", _ => Task.FromResult(false));
        Assert.Equal("bai-viet", slug);
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary()
    {
        var slug = SlugGenerator.Slugify(string.Join(' ', Enumerable.Repeat("cải cách hành chính", 30)));
        Assert.True(slug.Length <= SlugGenerator.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("cai-cach-hanh-chinh-cai-cach", slug);
        Assert.Contains(slug.Split('-').Last(), new[] { "cai", "cach", "hanh", "chinh" });
    }

    [Theory]
    [InlineData("dang-ky-khai-sinh", true)]
    [InlineData("Dang-ky", false)]
    [InlineData("dang ky", false)]
    [InlineData("đăng-ký", false)]
    [InlineData("", false)]
    public void IsWellFormed(string slug, bool expected) => Assert.Equal(expected, SlugGenerator.IsWellFormed(slug));
}
