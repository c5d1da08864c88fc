using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>Misspelt words: the i/y rule, one-edit neighbours of rare words, their ranking below the word as typed, the suggestion.</summary>
public sealed class SpellingVariantsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cchc-spelling-tests", Guid.NewGuid().ToString("N"));
    private readonly LuceneSearchIndex _index;

    public SpellingVariantsTests()
    {
        _index = new LuceneSearchIndex(_path);
        _index.Rebuild(Corpus(), 1);
    }

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    private static SearchDocument Doc(int id, string title, string body = "") => new()
    {
        Key = SearchDocument.KeyOf(ContentKinds.Procedure, id), Kind = ContentKinds.Procedure, Title = title, Body = body, Url = $"/p/{id}",
    };

    private static IEnumerable<SearchDocument> Corpus() =>
    [
        Doc(1, "Đăng ký khai sinh", "Nộp tờ khai đăng ký khai sinh."),
        Doc(2, "Đăng ký kết hôn", "Hai bên nộp tờ khai đăng ký kết hôn."),
        Doc(3, "Chứng thực bản sao từ bản chính", "Chứng thực bản sao giấy tờ."),
        Doc(4, "Chứng thực chữ ký", "Người yêu cầu chứng thực chữ ký."),
        Doc(5, "Thành lập tổ chức hành nghề", "Tổ chức thực hiện theo quy định."),
        Doc(6, "Giải thể tổ chức", "Tổ chức nộp hồ sơ."),
        Doc(7, "Đăng ký tổ chức hội", "Tổ chức hội nộp hồ sơ."),
        Doc(8, "Cấp chữ kí số", "Chữ kí số cho cá nhân."),
        Doc(9, "Gia hạn chữ ký số", "Chữ ký số của tổ chức."),
        Doc(10, "Cấp phiếu lý lịch tư pháp", "Lý lịch tư pháp số 1."),
        Doc(11, "Đăng ký thường trú", "Công dân đăng ký thường trú tại nơi ở."),
        Doc(12, "Thông báo lưu trú của minh", "Minh họa."),
    ];

    private SpellingVariants Find(string text)
    {
        using var directory = new MappedDirectory(new DirectoryInfo(_path));
        using var reader = DirectoryReader.Open(directory);
        return SpellingVariants.Find(reader, ParsedQuery.Parse(text));
    }

    private static List<string> Folded(SpellingVariants spelling, string word) => spelling.Of(word).Select(v => v.Folded).ToList();

    [Theory]
    [InlineData("kí", "ký")]
    [InlineData("ký", "kí")]
    [InlineData("lý", "lí")]
    [InlineData("mĩ", "mỹ")]
    [InlineData("sỹ", "sĩ")]
    [InlineData("tỉ", "tỷ")]
    [InlineData("hy", "hi")]
    [InlineData("qui", "quy")]
    [InlineData("quý", "quí")]
    public void A_consonant_then_i_or_y_has_the_other_spelling(string typed, string other) => Assert.Equal(other, IyVariant.Of(typed));

    [Theory]
    [InlineData("ai")]
    [InlineData("tay")]
    [InlineData("túi")]
    [InlineData("uy")]
    [InlineData("chi")]
    [InlineData("nghi")]
    [InlineData("gì")]
    [InlineData("i")]
    [InlineData("y")]
    [InlineData("kinh")]
    public void After_a_vowel_or_a_two_letter_initial_i_and_y_are_not_interchangeable(string typed) => Assert.Null(IyVariant.Of(typed));

    [Fact]
    public void A_missing_letter_a_swap_and_an_extra_letter_find_the_word()
    {
        Assert.Equal(["sinh"], Folded(Find("khai sihn"), "sihn"));
        Assert.Contains("hon", Folded(Find("kết hônn"), "honn"));
        Assert.Contains("thuong", Folded(Find("dang ky thuog tru"), "thuog"));
    }

    [Fact]
    public void The_marks_typed_and_the_neighbouring_word_pick_the_neighbour()
    {
        // "chức" is in more documents than "chứng", but "chứng thực" is what the documents write.
        var variants = Find("chứg thực").Of("chug");
        Assert.Equal("chứng", variants[0].Exact);
        Assert.DoesNotContain(variants, v => v.Exact == "chung");
        Assert.True(variants.Skip(1).All(v => v.Weight < variants[0].Weight));
    }

    [Fact]
    public void Short_words_frequent_words_codes_and_phrases_are_not_fuzzed()
    {
        Assert.Empty(Find("sih").Of("sih"));
        // "minh" is in one document of twelve: far from rare, so never read as "sinh" or "minh họa" anything else.
        Assert.Empty(Find("minh").Of("minh"));
        Assert.Empty(Find("khai sinh").Of("sinh"));
        Assert.True(Find("\"khai sihn\" -\"ket honn\"").IsEmpty);
        Assert.True(Find("1.001193").IsEmpty);
    }

    [Fact]
    public void The_word_as_typed_outranks_its_variant()
    {
        var kí = Search("chữ kí số").Hits;
        Assert.Equal("procedure:8", kí[0].Key);
        Assert.Contains(kí, h => h.Key == "procedure:9");
        var ký = Search("chữ ký số").Hits;
        Assert.Equal("procedure:9", ký[0].Key);
        Assert.Contains(ký, h => h.Key == "procedure:8");
    }

    [Fact]
    public void Misspelt_queries_find_the_right_document_first()
    {
        Assert.Equal("procedure:1", Search("khai sihn").Hits[0].Key);
        Assert.Equal("procedure:1", Search("đăng kí khai sinh").Hits[0].Key);
        Assert.Equal("procedure:10", Search("li lich tu phap").Hits[0].Key);
        Assert.Equal("procedure:2", Search("kết hônn").Hits[0].Key);
        Assert.StartsWith("procedure:", Search("chứg thực").Hits[0].Key);
        Assert.Contains(Search("chứg thực").Hits.Take(2), h => h.Key is "procedure:3" or "procedure:4");
    }

    [Theory]
    [InlineData("khai sihn", "khai sinh")]
    [InlineData("đăng kí khai sinh", "đăng ký khai sinh")]
    [InlineData("dang ki khai sinh", "đăng ký khai sinh")]
    [InlineData("chứg thực", "chứng thực")]
    [InlineData("kết hônn", "kết hôn")]
    [InlineData("li lich tu phap", "lý lịch tư pháp")]
    [InlineData("chứng thưc", "chứng thực")]
    public void The_suggestion_is_the_corrected_query_with_its_marks(string typed, string suggested) =>
        Assert.Equal(suggested, Search(typed).DidYouMean);

    [Theory]
    [InlineData("đăng ký khai sinh")]
    [InlineData("chữ ký số")]
    [InlineData("chứng thực")]
    [InlineData("lý lịch tư pháp")]
    public void A_query_already_right_gets_no_suggestion(string typed) => Assert.Null(Search(typed).DidYouMean);

    private SearchResults Search(string text) => _index.Search(new SearchQuery { Text = text, PageSize = 20 });

    [Fact]
    public void The_first_pass_matches_what_the_full_query_matches_with_variants()
    {
        var path = Path.Combine(_path, "segmented");
        SegmentedTestIndex.Build(path);
        using var directory = new MappedDirectory(new DirectoryInfo(path));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        foreach (var text in new[] { "đăng kí khai sinh", "chứg thực bản sao", "khai sihn", "cấp lại căn cuớc kết hônn" })
        {
            var parsed = ParsedQuery.Parse(text);
            parsed = parsed with { Spelling = SpellingVariants.Find(reader, parsed) };
            Assert.False(parsed.Spelling.IsEmpty, text);
            var full = searcher.Search(RankingQuery.Build(parsed)!, reader.MaxDoc).ScoreDocs.Select(sd => sd.Doc).Order().ToList();
            var first = SlicedSearch.Run(searcher, FirstPass.Create(searcher, parsed)!, null, reader.MaxDoc, reader.MaxDoc, new Dictionary<string, string>());
            Assert.NotEmpty(full);
            Assert.Equal(full, first.Top.Select(sd => sd.Doc).Order());
        }
    }
}
