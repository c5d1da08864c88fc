using CchcPortal.Core.Changes;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CchcPortal.Tests.Unit.Search;

/// <summary>Segments searched in parallel slices give exactly what one sequential pass gives: hits, order, totals and facets.</summary>
public sealed class SlicedSearchTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "cchc-sliced-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_path, true); } catch (IOException) { }
    }

    [Fact]
    public void Parallel_slices_equal_one_sequential_pass()
    {
        SegmentedTestIndex.Build(_path);
        using var directory = new MappedDirectory(new DirectoryInfo(_path));
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count >= 2, "the test needs several segments");
        var searcher = new IndexSearcher(reader);

        foreach (var (text, filters) in new (string, Dictionary<string, string>)[]
        {
            ("đăng ký", []),
            ("dang ky khai sinh", []),
            ("giấy phép", new() { [SearchFacets.Kind] = ContentKinds.Procedure }),
            ("chứng thực", new() { [SearchFacets.Year] = "2022" }),
        })
        {
            var query = RankingQuery.Build(ParsedQuery.Parse(text))!;
            var sequential = SlicedSearch.Run(searcher, query, 25, filters, parallelFromDocs: int.MaxValue);
            var parallel = SlicedSearch.Run(searcher, query, 25, filters, parallelFromDocs: 0);

            Assert.True(sequential.Facets.TotalHits > 10, text);
            Assert.Equal(sequential.Facets.TotalHits, parallel.Facets.TotalHits);
            Assert.Equal(sequential.Top.Select(sd => (sd.Doc, sd.Score)), parallel.Top.Select(sd => (sd.Doc, sd.Score)));
            var expected = sequential.Facets.Facets();
            var actual = parallel.Facets.Facets();
            foreach (var facet in SearchFacets.All)
                Assert.Equal(expected[facet].Select(f => (f.Value, f.Count)), actual[facet].Select(f => (f.Value, f.Count)));
        }
    }
}
