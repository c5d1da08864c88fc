using System.Text;
using CchcPortal.Search.Lucene;
using CchcPortal.Search.Lucene.Analysis;

namespace CchcPortal.Tests.Unit.Search;

public class VietnameseAnalyzerTests
{
    [Fact]
    public void Exact_form_keeps_diacritics_and_lowercases_syllables()
    {
        Assert.Equal(["đăng", "ký", "khai", "sinh"], SearchFields.Exact.Terms("Đăng ký khai sinh"));
    }

    [Fact]
    public void Folded_form_drops_diacritics_and_maps_d_stroke()
    {
        Assert.Equal(["dang", "ky", "khai", "sinh"], SearchFields.Folded.Terms("Đăng ký khai sinh"));
        Assert.Equal(["duong", "day", "nong"], SearchFields.Folded.Terms("ĐƯỜNG DÂY NÓNG"));
    }

    [Fact]
    public void Decomposed_input_gives_the_same_tokens_as_NFC()
    {
        var nfd = "Đăng ký khai sinh".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Đăng ký khai sinh", nfd);
        Assert.Equal(["đăng", "ký", "khai", "sinh"], SearchFields.Exact.Terms(nfd));
    }

    [Fact]
    public void Shingles_join_two_and_three_syllables()
    {
        Assert.Equal(["dang ky", "dang ky khai", "ky khai", "ky khai sinh", "khai sinh"], SearchFields.FoldedShingles.Terms("Đăng ký khai sinh"));
        Assert.Contains("đăng ký", SearchFields.ExactShingles.Terms("Đăng ký khai sinh"));
        Assert.Empty(SearchFields.FoldedShingles.Terms("sinh"));
    }

    [Fact]
    public void Prefixes_of_each_syllable_serve_as_you_type()
    {
        var prefixes = SearchFields.FoldedPrefixes.Terms("Đăng ký");
        Assert.Equal(["d", "da", "dan", "dang", "k", "ky"], prefixes);
    }

    [Theory]
    [InlineData("hoá", "hóa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("uỷ", "ủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("quý", "quý")]
    [InlineData("hoàng", "hoàng")]
    [InlineData("hóa", "hóa")]
    public void Both_tone_placements_become_one(string written, string indexed)
    {
        Assert.Equal(indexed, ToneMarks.Normalize(written));
        Assert.Equal([indexed], SearchFields.Exact.Terms(written));
    }

    [Fact]
    public void Procedure_codes_stay_one_token()
    {
        Assert.Equal(["1.001234"], SearchFields.Folded.Terms("1.001234"));
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string text = "Hỏi: Đăng ký khai sinh";
        var token = SearchFields.Folded.Tokens(text).Single(t => t.Term == "dang");
        Assert.Equal("Đăng", text[token.Start..token.End]);
    }
}
