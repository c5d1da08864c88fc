using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>
/// The two-pass search: the cheap first pass matches exactly what the full query matches (so totals and facets are
/// exact), and the answer is in the full query's order and scores.
/// </summary>
public sealed class RankedSearchTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cchc-ranked-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    private static readonly string[] Queries =
    [
        "đăng ký", "dang ky", "đăng ky khai sinh", "cấp", "cap", "cấp giấy phép xây dựng nhà",
        "\"giấy phép\"", "\"giay phep\" xây dựng", "khai sinh -kết", "1.000004", "thủ tục 1.000010", "bản sao giấy khai sinh",
        "đăng ký đăng ký kết", "\"khai sinh\" \"bản sao\"", "cap giay -\"xây dựng\"", "khai sinh -quang -\"kết hôn\"",
        "kinh doanh căn cước khai sinh quang viễn", "xin cấp lại căn cước", "cấp lại bằng lái căn cước", "cấp lại cccd", "cap lai cmnd khai sinh -quang", "xin cấp lại giấy phép xây dựng",
        // Question words, a word no document holds, contacts: they only add to the score in both passes.
        "đăng ký khai sinh ở đâu", "cho em hỏi cấp lại căn cước cần giấy tờ gì", "có phải xin cấp giấy phép xây dựng không",
        "chung thuc ban sao mat bao lau", "đăng ký kết hôn lãnh", "số điện thoại hộ kinh doanh", "dang ky kinh doanh thuong tru khai sinh ket hon",
    ];

    /// <summary>The test index built and opened; disposing closes the reader and the directory.</summary>
    private sealed class OpenIndex : IDisposable
    {
        private readonly MappedDirectory _directory;
        private readonly DirectoryReader _reader;
        public IndexSearcher Searcher { get; }

        public OpenIndex(string path)
        {
            SegmentedTestIndex.Build(path);
            _directory = new MappedDirectory(new DirectoryInfo(path));
            _reader = DirectoryReader.Open(_directory);
            Assert.True(_reader.Leaves.Count >= 2, "the test needs several segments");
            Assert.True(_reader.HasDeletions, "the test needs deleted documents");
            Searcher = new IndexSearcher(_reader);
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
        }
    }

    private static HashSet<int> Matches(IndexSearcher searcher, Query query) =>
        searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs.Select(sd => sd.Doc).ToHashSet();

    /// <summary>The query with its other spellings looked up, as RankedSearch.Run does, so both passes see the same variants.</summary>
    private static ParsedQuery Spelt(IndexSearcher searcher, string text)
    {
        var parsed = ParsedQuery.Parse(text);
        return parsed with { Spelling = SpellingVariants.Find(searcher.IndexReader, parsed) };
    }

    [Fact]
    public void The_first_pass_matches_exactly_the_documents_the_full_query_matches()
    {
        using var index = new OpenIndex(_path);
        var searcher = index.Searcher;
        foreach (var text in Queries)
        {
            var parsed = Spelt(searcher, text);
            var full = Matches(searcher, RankingQuery.Build(parsed)!);
            var all = searcher.IndexReader.MaxDoc;
            var first = SlicedSearch.Run(searcher, FirstPass.Create(searcher, parsed)!, null, all, all, new Dictionary<string, string>());
            Assert.True(full.Count > 0, text);
            Assert.Equal(full.Count, first.Facets.TotalHits);
            Assert.Equal(full.Order(), first.Top.Select(sd => sd.Doc).Order());
        }
    }

    [Theory]
    [InlineData("đăng ký khai sinh ở đâu", "đăng ký khai sinh")]
    [InlineData("cho em hỏi cấp lại căn cước cần giấy tờ gì", "cấp lại căn cước")]
    [InlineData("có phải xin cấp giấy phép xây dựng không", "cấp giấy phép xây dựng")]
    public void Question_words_need_not_match_in_either_pass(string question, string words)
    {
        using var index = new OpenIndex(_path);
        var searcher = index.Searcher;
        var expected = Matches(searcher, RankingQuery.Build(Spelt(searcher, words))!);
        var all = searcher.IndexReader.MaxDoc;
        var parsed = Spelt(searcher, question);
        var first = SlicedSearch.Run(searcher, FirstPass.Create(searcher, parsed)!, null, all, all, new Dictionary<string, string>());
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), Matches(searcher, RankingQuery.Build(parsed)!).Order());
        Assert.Equal(expected.Order(), first.Top.Select(sd => sd.Doc).Order());
    }

    [Fact]
    public void The_answer_is_in_the_full_querys_order_with_its_scores()
    {
        using var index = new OpenIndex(_path);
        var searcher = index.Searcher;
        foreach (var text in Queries)
        {
            var parsed = Spelt(searcher, text);
            var full = RankingQuery.Build(parsed)!;
            var oneFullPass = SlicedSearch.Run(searcher, full, 20, new Dictionary<string, string>());

            // Candidates for every match: exactly one full pass, order, scores and total.
            var wide = RankedSearch.Run(searcher, parsed, 20, new Dictionary<string, string>(), window: 1000)!;
            // The same scores, position by position, each the full query's own score of that document. Scorers that
            // see only the candidates may sum a clause in another order: a float ulp apart, which may swap two
            // documents whose scores tie to the sixth digit ("cấp lại cccd").
            var fullScores = SlicedSearch.Run(searcher, full, 1000, new Dictionary<string, string>()).Top.ToDictionary(sd => sd.Doc, sd => sd.Score);
            var (expected, actual) = (oneFullPass.Top.ToList(), wide.Top.ToList());
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < actual.Count; i++)
            {
                Assert.Equal(expected[i].Score, actual[i].Score, Math.Abs(expected[i].Score) * 1e-6);
                Assert.Equal(fullScores[actual[i].Doc], actual[i].Score, Math.Abs(actual[i].Score) * 1e-6);
            }
            Assert.Equal(oneFullPass.Facets.TotalHits, wide.Facets.TotalHits);

            // Few candidates: still the full query's scores, best first, and the exact total.
            var narrow = RankedSearch.Run(searcher, parsed, 3, new Dictionary<string, string>(), window: 3)!;
            Assert.Equal(Math.Min(3, oneFullPass.Facets.TotalHits), narrow.Top.Count);
            Assert.Equal(oneFullPass.Facets.TotalHits, narrow.Facets.TotalHits);
            // Explain sums the clauses in its own order: a few float ulps apart (question words and spelling
            // variants add clauses), so the scores are compared to a millionth of their size.
            foreach (var hit in narrow.Top)
            {
                var explained = searcher.Explain(full, hit.Doc).Value;
                Assert.Equal(explained, hit.Score, Math.Max(1e-6, Math.Abs(explained) * 1e-6));
            }
            Assert.Equal(narrow.Top.OrderByDescending(sd => sd.Score).Select(sd => sd.Doc), narrow.Top.Select(sd => sd.Doc));
        }
    }

    [Fact]
    public void Parallel_slices_rescore_like_one_sequential_pass()
    {
        using var index = new OpenIndex(_path);
        var searcher = index.Searcher;
        var filters = new Dictionary<string, string> { [SearchFacets.Kind] = ContentKinds.Procedure };
        foreach (var text in Queries)
        {
            var parsed = Spelt(searcher, text);
            var match = FirstPass.Create(searcher, parsed)!;
            var rank = RankingQuery.Build(parsed)!;
            var sequential = SlicedSearch.Run(searcher, match, rank, 1000, 20, filters, parallelFromDocs: int.MaxValue);
            var parallel = SlicedSearch.Run(searcher, match, rank, 1000, 20, filters, parallelFromDocs: 0);
            Assert.Equal(sequential.Facets.TotalHits, parallel.Facets.TotalHits);
            Assert.Equal(sequential.Top.Select(sd => (sd.Doc, sd.Score)), parallel.Top.Select(sd => (sd.Doc, sd.Score)));
        }
    }
}
