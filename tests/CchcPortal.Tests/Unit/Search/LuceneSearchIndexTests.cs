using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>The index on a temp folder: ranking rules, facets, hostile queries, commit data across reopen.</summary>
public sealed class LuceneSearchIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cchc-index-tests", Guid.NewGuid().ToString("N"));
    private LuceneSearchIndex _index;

    public LuceneSearchIndexTests()
    {
        _index = new LuceneSearchIndex(_path);
        _index.Rebuild(Corpus(), 7);
    }

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    private static SearchDocument Doc(string kind, int id, string title, string body = "", string? code = null, string? field = null,
        string? agency = null, int? year = null, float weight = 1f) => new()
    {
        Key = SearchDocument.KeyOf(kind, id), Kind = kind, Title = title, Body = body, Url = $"/{kind}/{id}", ProcedureCode = code,
        Fields = field is null ? [] : [field], Agencies = agency is null ? [] : [agency], Years = year is null ? [] : [year.Value], Weight = weight,
    };

    private static IEnumerable<SearchDocument> Corpus() =>
    [
        Doc(ContentKinds.Procedure, 1, "Đăng ký khai sinh", "Nộp tờ khai đăng ký khai sinh tại UBND cấp xã.", "1.001193", "Hộ tịch", "UBND xã Ea Tu"),
        Doc(ContentKinds.Procedure, 2, "Đăng ký kết hôn", "Hai bên nam nữ nộp tờ khai đăng ký kết hôn.", "1.000894", "Hộ tịch", "UBND xã Ea Tu"),
        Doc(ContentKinds.Procedure, 3, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hồ sơ đề nghị cấp giấy phép xây dựng.", "1.009999.H19", "Xây dựng", "Sở Xây dựng"),
        Doc(ContentKinds.Procedure, 4, "Cấp giấy phép hồ bơi", "Hồ bơi công cộng.", "2.000111", "Thể thao"),
        Doc(ContentKinds.Procedure, 5, "Cấp giấy chứng nhận hộ kinh doanh", "Đăng ký hộ kinh doanh cá thể.", "2.000222", "Thành lập và hoạt động của hộ kinh doanh"),
        Doc(ContentKinds.Procedure, 6, "Đăng ký khai sinh (thủ tục cũ)", "Đã bị bãi bỏ.", "1.000001", "Hộ tịch", weight: 0.4f),
        Doc(ContentKinds.News, 1, "Tuyên truyền thủ tục đăng ký khai sinh trực tuyến", "Người dân có thể đăng ký khai sinh qua Cổng dịch vụ công.", year: 2025),
        Doc(ContentKinds.News, 2, "Hội nghị cải cách hành chính năm 2026", "Tổng kết công tác cải cách thủ tục hành chính.", year: 2026),
        Doc(ContentKinds.Question, 1, "Hỏi về lệ phí đăng ký khai sinh", "Đăng ký khai sinh đúng hạn được miễn lệ phí.", field: "Hộ tịch", agency: "UBND xã Ea Tu", year: 2026),
    ];

    private SearchResults Search(string text, string? kind = null, string? field = null) =>
        _index.Search(new SearchQuery { Text = text, Kind = kind, Field = field, PageSize = 20 });

    [Fact]
    public void Text_without_diacritics_finds_text_with_them()
    {
        var r = Search("dang ky khai sinh");
        Assert.Equal("procedure:1", r.Hits[0].Key);
        Assert.Contains(r.Hits, h => h.Key == "news:1");
        Assert.Contains(r.Hits, h => h.Key == "question:1");
    }

    [Fact]
    public void Exact_diacritics_outrank_folded_matches()
    {
        Assert.Equal("procedure:4", Search("hồ bơi").Hits[0].Key);
        Assert.Equal("procedure:5", Search("hộ kinh doanh").Hits[0].Key);
        Assert.Equal("procedure:4", Search("giấy phép hồ").Hits[0].Key);
        Assert.Equal("procedure:5", Search("giấy hộ").Hits[0].Key);
    }

    [Fact]
    public void Items_no_longer_in_force_rank_below_the_current_one()
    {
        var keys = Search("Đăng ký khai sinh", kind: ContentKinds.Procedure).Hits.Select(h => h.Key).ToList();
        Assert.True(keys.IndexOf("procedure:1") < keys.IndexOf("procedure:6"), string.Join(", ", keys));
    }

    [Theory]
    [InlineData("1.001193", "procedure:1")]
    [InlineData("1.009999", "procedure:3")]
    [InlineData("1.009999.H19", "procedure:3")]
    [InlineData("thủ tục 1.000894", "procedure:2")]
    public void A_procedure_code_finds_its_procedure_first(string query, string key)
    {
        var r = Search(query);
        Assert.Equal(key, r.Hits[0].Key);
    }

    [Fact]
    public void Quoted_phrases_need_the_words_together_and_minus_excludes()
    {
        var phrase = Search("\"khai sinh\"").Hits.Select(h => h.Key).ToList();
        Assert.Contains("procedure:1", phrase);
        Assert.DoesNotContain("procedure:2", phrase);
        var minus = Search("đăng ký -sinh").Hits.Select(h => h.Key).ToList();
        Assert.Contains("procedure:2", minus);
        Assert.DoesNotContain("procedure:1", minus);
        Assert.DoesNotContain("news:1", minus);
    }

    [Fact]
    public void Facets_count_every_match_each_without_its_own_filter()
    {
        var all = Search("khai sinh");
        Assert.Equal(4, all.Total);
        Assert.Equal(2, all.Facet(SearchFacets.Kind).Single(f => f.Value == ContentKinds.Procedure).Count);
        Assert.Equal(3, all.Facet(SearchFacets.Field).Single(f => f.Value == "Hộ tịch").Count);

        var procedures = Search("khai sinh", kind: ContentKinds.Procedure);
        Assert.Equal(2, procedures.Total);
        Assert.All(procedures.Hits, h => Assert.Equal(ContentKinds.Procedure, h.Kind));
        // The kind tabs keep their counts while one is chosen; the other facets follow the chosen kind.
        Assert.Equal(1, procedures.Facet(SearchFacets.Kind).Single(f => f.Value == ContentKinds.News).Count);
        Assert.Equal(2, procedures.Facet(SearchFacets.Field).Single(f => f.Value == "Hộ tịch").Count);

        var unknown = Search("khai sinh", field: "Không có");
        Assert.Equal(0, unknown.Total);
        Assert.Equal(3, unknown.Facet(SearchFacets.Field).Single(f => f.Value == "Hộ tịch").Count);
    }

    [Fact]
    public void Hits_carry_snippets_with_marks_and_the_procedure_code()
    {
        var hit = Search("le phi").Hits.Single();
        Assert.Equal("question:1", hit.Key);
        Assert.Contains("<mark>lệ phí</mark>", hit.SnippetHtml);
        Assert.Contains("<mark>lệ phí</mark>", hit.TitleHtml);
        Assert.Equal("1.001193", Search("1.001193").Hits[0].ProcedureCode);
    }

    [Theory]
    [InlineData("(((")]
    [InlineData("*:*")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("-")]
    [InlineData("- - -")]
    [InlineData("AND OR NOT")]
    [InlineData("title.x:đăng")]
    [InlineData("\\ / ? ~ ^ [ ] { } !")]
    [InlineData("-khai")]
    [InlineData("\"\"\"")]
    public void Hostile_queries_never_throw(string text)
    {
        var r = Search(text);
        Assert.True(r.Total >= 0);
    }

    [Fact]
    public void Very_long_queries_are_cut_not_rejected()
    {
        Assert.True(Search(new string('(', 5000)).Total == 0);
        var longQuery = "đăng ký khai sinh " + string.Concat(Enumerable.Repeat("x ", 2500));
        Assert.True(Search(longQuery).Total >= 0);
    }

    [Fact]
    public void A_query_without_diacritics_gets_its_written_form_suggested()
    {
        Assert.Equal("đăng ký kết hôn", Search("dang ky ket hon").DidYouMean);
        Assert.Null(Search("đăng ký kết hôn").DidYouMean);
    }

    [Fact]
    public void Suggestions_complete_titles_as_you_type()
    {
        var titles = _index.Suggest("dang ky k").Select(s => s.Title).ToList();
        Assert.Contains("Đăng ký khai sinh", titles);
        Assert.Contains("Đăng ký kết hôn", titles);
        Assert.DoesNotContain("Cấp giấy phép hồ bơi", titles);
        Assert.Empty(_index.Suggest("((("));
        // Words in the order typed come first: "khai sinh" before "kết hôn" for "dang ky kh".
        Assert.Equal("Đăng ký khai sinh", _index.Suggest("dang ky khai")[0].Title);
    }

    [Fact]
    public void Apply_upserts_deletes_and_keeps_the_sequence_across_reopen()
    {
        _index.Apply([Doc(ContentKinds.News, 3, "Thông báo lịch tiếp công dân tháng 12")], ["procedure:2"], [], 42);
        Assert.Equal(42, _index.CommittedSequence);
        Assert.Single(Search("tiep cong dan").Hits);
        Assert.DoesNotContain(Search("ket hon").Hits, h => h.Key == "procedure:2");

        _index.Dispose();
        _index = new LuceneSearchIndex(_path);
        Assert.Equal(42, _index.CommittedSequence);
        Assert.Equal(9, _index.DocumentCount);
        Assert.Single(Search("tiep cong dan").Hits);
    }

    [Fact]
    public void A_second_writer_on_the_same_folder_is_refused()
    {
        Assert.Throws<Lucene.Net.Store.LockObtainFailedException>(() => new LuceneSearchIndex(_path));
        Assert.Equal(9, _index.DocumentCount);
    }

    [Fact]
    public void An_unreadable_index_is_started_afresh_without_a_sequence()
    {
        _index.Dispose();
        foreach (var file in Directory.GetFiles(_path, "segments_*")) File.Delete(file);
        _index = new LuceneSearchIndex(_path);
        Assert.True(_index.WasRecreated);
        Assert.Null(_index.CommittedSequence);
        Assert.Equal(0, _index.DocumentCount);
    }

    [Fact]
    public void Replacing_a_kind_removes_its_old_documents()
    {
        _index.Apply([Doc(ContentKinds.News, 9, "Tin thay thế")], [], [ContentKinds.News], 8);
        Assert.Empty(Search("tuyen truyen").Hits);
        Assert.Single(Search("tin thay the").Hits);
        Assert.Equal(8, _index.DocumentCount);
    }

    [Fact]
    public void Uncommitted_work_is_not_kept_by_a_new_empty_folder()
    {
        var other = Path.Combine(_path + "-empty");
        using var fresh = new LuceneSearchIndex(other);
        Assert.Null(fresh.CommittedSequence);
        Assert.Equal(0, fresh.DocumentCount);
        Assert.Equal(0, fresh.Search(new SearchQuery { Text = "khai sinh" }).Total);
    }
}
