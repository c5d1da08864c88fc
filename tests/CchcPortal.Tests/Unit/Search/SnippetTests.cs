using CchcPortal.Search.Lucene;

namespace CchcPortal.Tests.Unit.Search;

public class SnippetTests
{
    private static readonly HashSet<string> Terms = ["dang", "ky"];

    [Fact]
    public void Matches_are_marked_and_everything_else_is_encoded()
    {
        var html = Snippets.Highlight("Thủ tục <b>đăng ký</b> khai sinh & kết hôn \"mới\"", Terms, 500);
        Assert.Equal("Thủ tục &lt;b&gt;<mark>đăng ký</mark>&lt;/b&gt; khai sinh &amp; kết hôn &quot;mới&quot;", html);
    }

    [Fact]
    public void Adjacent_matches_merge_and_diacritics_are_kept_as_written()
    {
        var html = Snippets.Highlight("ĐĂNG KÝ khai sinh, dang ky ket hon", Terms, 500);
        Assert.Equal("<mark>ĐĂNG KÝ</mark> khai sinh, <mark>dang ky</mark> ket hon", html);
    }

    [Fact]
    public void Long_text_is_cut_around_the_matches_at_spaces()
    {
        var filler = string.Join(' ', Enumerable.Repeat("nội dung khác", 60));
        var text = filler + " hướng dẫn đăng ký khai sinh cho trẻ " + filler;
        var html = Snippets.Highlight(text, Terms, 120);
        Assert.StartsWith("…", html);
        Assert.EndsWith("…", html);
        Assert.Contains("<mark>đăng ký</mark>", html);
        Assert.True(html.Length < 200, html);
        Assert.DoesNotContain("  ", html);
    }

    [Fact]
    public void No_surrogate_pair_is_broken()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 200));
        var html = Snippets.Highlight(emoji + " đăng ký " + emoji, Terms, 101);
        for (var i = 0; i < html.Length; i++)
        {
            if (char.IsHighSurrogate(html[i])) { Assert.True(i + 1 < html.Length && char.IsLowSurrogate(html[i + 1]), $"lone high surrogate at {i}"); i++; }
            else Assert.False(char.IsLowSurrogate(html[i]), $"lone low surrogate at {i}");
        }
    }

    [Fact]
    public void Text_without_matches_gives_its_beginning()
    {
        Assert.Equal("Giờ làm việc &amp; địa chỉ", Snippets.Highlight("Giờ làm việc & địa chỉ", Terms, 500));
        Assert.Equal("", Snippets.Highlight("", Terms, 500));
    }

    [Fact]
    public void Marks_are_the_folded_tokens_of_the_query_terms_whatever_kind_of_set_holds_them()
    {
        HashSet<string> terms = ["dang", "ky", "thu", "tuc", "hanh", "chinh", "cai", "cach", "ke", "hoach", "2024"];
        var sorted = new SortedSet<string>(terms, StringComparer.Ordinal);
        var marked = 0;
        foreach (var text in IndexAnalysisTests.SeedTexts())
        {
            var expected = Reference(text, terms);
            Assert.Equal(expected, Snippets.Find(text, terms));
            Assert.Equal(expected, Snippets.Find(text, sorted));
            marked += expected.Count;
        }
        Assert.True(marked > 100, $"only {marked} marks in the seed");
    }

    /// <summary>Marks as the tokens of the folded analysis give them, one string per token: what Find must answer.</summary>
    private static List<(int Start, int End)> Reference(string text, IReadOnlySet<string> terms)
    {
        var scanned = text.Length <= Snippets.MaxScannedChars ? text
            : text[..(text.LastIndexOf(' ', Snippets.MaxScannedChars) is > 0 and var cut ? cut : Snippets.MaxScannedChars)];
        var list = new List<(int Start, int End)>();
        foreach (var (term, start, end) in SearchFields.Folded.Tokens(scanned))
        {
            if (!terms.Contains(term) || end > text.Length) continue;
            if (list.Count > 0 && text[list[^1].End..Math.Max(list[^1].End, start)].All(c => c == ' ') && start >= list[^1].End)
                list[^1] = (list[^1].Start, end);
            else list.Add((start, end));
        }
        return list;
    }
}
