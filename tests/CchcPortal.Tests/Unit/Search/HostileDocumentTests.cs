using System.Collections.Concurrent;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>
/// Whatever the database holds, the index takes it or sets it aside alone (issue 16): values beyond Lucene's limits
/// are cut, and a failing write never disturbs the searches running meanwhile.
/// </summary>
public sealed class HostileDocumentTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cchc-index-tests", Guid.NewGuid().ToString("N"));
    private readonly LuceneSearchIndex _index;

    public HostileDocumentTests()
    {
        _index = new LuceneSearchIndex(_path);
        _index.Rebuild([Doc(1, "Đăng ký khai sinh", "Nộp tờ khai đăng ký khai sinh tại UBND cấp xã.", field: "Hộ tịch")], 1);
    }

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    private static SearchDocument Doc(int id, string title, string body = "", string? field = null, string? agency = null, string? code = null) => new()
    {
        Key = SearchDocument.KeyOf(ContentKinds.Question, id), Kind = ContentKinds.Question, Title = title, Body = body,
        Url = $"/hoi-dap/{id}", Fields = field is null ? [] : [field], Agencies = agency is null ? [] : [agency], ProcedureCode = code,
    };

    private static readonly string Huge = string.Concat(Enumerable.Repeat("Tư pháp hộ tịch ", 7_000)) + new string('x', 100_000);

    [Fact]
    public void Values_beyond_Lucenes_limits_are_cut_and_the_document_is_indexed()
    {
        _index.Apply([Doc(2, Huge, "Lệ phí cấp bản sao trích lục hộ tịch", field: Huge, agency: new string('Đ', 100_000), code: new string('9', 100_000))], [], [], 2);

        Assert.Equal(2, _index.CommittedSequence);
        var hit = Assert.Single(_index.Search(new SearchQuery { Text = "bản sao trích lục" }).Hits);
        Assert.Equal("question:2", hit.Key);
        Assert.True(hit.Title.Length <= SearchFieldLimits.MaxTitleChars, $"title of {hit.Title.Length} characters");
        var field = _index.Search(new SearchQuery { Text = "trích lục" }).Facet(SearchFacets.Field).Single(f => f.Value != "Hộ tịch").Value;
        Assert.Equal(SearchFieldLimits.MaxKeywordChars, field.Length);
        // The cut value is the one the facet link sends back, and it filters.
        Assert.Equal("question:2", Assert.Single(_index.Search(new SearchQuery { Text = "trích lục", Field = field }).Hits).Key);
    }

    [Fact]
    public void A_surrogate_pair_at_the_limit_is_not_split()
    {
        var value = new string('a', SearchFieldLimits.MaxKeywordChars - 1) + "😀";
        Assert.Equal(SearchFieldLimits.MaxKeywordChars - 1, SearchFieldLimits.Keyword(value).Length);
        Assert.Equal("ngắn", SearchFieldLimits.Keyword("ngắn"));
    }

    [Fact]
    public void A_document_the_index_cannot_take_is_returned_and_the_rest_of_its_write_is_committed()
    {
        var failures = _index.Apply([Doc(5, "Cấp đổi giấy phép lái xe"), Doc(6, "Không có địa chỉ") with { Url = null! }, Doc(7, "Cấp lại giấy phép lái xe")],
            [], [], 5);

        Assert.Equal("question:6", Assert.Single(failures).Key);
        Assert.Equal(5, _index.CommittedSequence);
        Assert.Equal(["question:5", "question:7"], _index.Search(new SearchQuery { Text = "giấy phép lái xe" }).Hits.Select(h => h.Key).Order());

        // A rebuild leaves it out too, and commits the others.
        var rebuilt = _index.Rebuild([Doc(1, "Đăng ký khai sinh"), Doc(8, "Không có địa chỉ") with { Url = null! }, Doc(9, "Đăng ký khai tử")], 6);
        Assert.Equal("question:8", Assert.Single(rebuilt).Key);
        Assert.Equal(6, _index.CommittedSequence);
        Assert.Equal(2, _index.DocumentCount);
    }

    private static IEnumerable<SearchDocument> FailingHalfway()
    {
        yield return Doc(3, "Tài liệu đầu tiên của một lô hỏng");
        throw new InvalidOperationException("the batch broke");
    }

    [Fact]
    public void Searches_running_while_a_write_fails_and_is_rolled_back_never_see_an_exception()
    {
        var errors = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    Assert.NotEmpty(_index.Search(new SearchQuery { Text = "khai sinh" }).Hits);
                    _index.Suggest("đăng");
                    _ = _index.DocumentCount;
                }
                catch (Exception ex) { errors.Enqueue(ex); }
            }
        })).ToList();

        for (var i = 0; i < 30; i++)
        {
            Assert.Throws<InvalidOperationException>(() => _index.Apply(FailingHalfway(), [], [], 100 + i));
            Assert.ThrowsAny<Exception>(() => _index.Rebuild(FailingHalfway(), 200 + i));
        }
        stop.Cancel();
        Task.WaitAll(searchers);

        Assert.Empty(errors.Select(e => e.GetType().Name + ": " + e.Message).Distinct());
        // Nothing of the failed writes was kept, and the index still takes the next one.
        Assert.Equal(1, _index.CommittedSequence);
        Assert.Single(_index.Search(new SearchQuery { Text = "khai sinh" }).Hits);
        _index.Apply([Doc(4, "Cấp bản sao giấy khai sinh")], [], [], 300);
        Assert.Equal(2, _index.Search(new SearchQuery { Text = "khai sinh" }).Total);
    }
}
