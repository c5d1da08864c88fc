using System.Diagnostics;
using System.Globalization;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace SearchBenchmarks;

/// <summary>
/// --phases: where a query's time goes, each phase timed alone over the same mix (parse and build the query; match
/// and score only; match, score and count facets; load the stored fields and make the snippets of the first page).
/// </summary>
public static class PhaseProfile
{
    public static void Run(string dir, IReadOnlyList<(string Kind, SearchQuery Query)> queries)
    {
        using var directory = new PreadDirectory(new DirectoryInfo(dir));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var built = queries.Select(q => (q.Query, Parsed: QueryBuilder.Parse(q.Query.Text))).Select(q => (q.Query, q.Parsed, Lucene: QueryBuilder.Build(q.Parsed))).Where(q => q.Lucene is not null).ToList();
        Console.WriteLine(Inv($"Segments: {reader.Leaves.Count}"));
        Time("parse + build", built, q => { QueryBuilder.Build(QueryBuilder.Parse(q.Query.Text)); });
        Time("count only (TotalHitCountCollector)", built, q => searcher.Search(q.Lucene, new TotalHitCountCollector()));
        Time("top 10 (TopScoreDocCollector)", built, q => searcher.Search(q.Lucene, TopScoreDocCollector.Create(10, true)));
        Time("top 10 + facets", built, q => searcher.Search(q.Lucene, new FacetingCollector(TopScoreDocCollector.Create(10, true), q.Query.Filters())));
        var tops = built.Select(q => searcher.Search(q.Lucene, 10).ScoreDocs).ToList();
        var i = 0;
        Time("load 10 stored docs", built, _ => { foreach (var sd in tops[i++ % tops.Count]) searcher.Doc(sd.Doc); });
        i = 0;
        Time("load + snippets (body and summary)", built, q =>
        {
            var terms = QueryBuilder.HighlightTerms(q.Parsed);
            foreach (var sd in tops[i++ % tops.Count])
            {
                var d = searcher.Doc(sd.Doc);
                Snippets.Highlight(d.Get(IndexFields.Body) ?? "", terms, 220);
                Snippets.Highlight(d.Get(IndexFields.Summary) ?? "", terms, 220);
                Snippets.Highlight(d.Get(IndexFields.Title) ?? "", terms, 500);
            }
        });
        Console.WriteLine();
    }

    private static void Time<T>(string name, List<T> items, Action<T> work)
    {
        foreach (var item in items.Take(200)) work(item);
        var ms = new List<double>(items.Count);
        var alloc0 = GC.GetTotalAllocatedBytes();
        foreach (var item in items)
        {
            var start = Stopwatch.GetTimestamp();
            work(item);
            ms.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var kib = (GC.GetTotalAllocatedBytes() - alloc0) / 1024.0 / items.Count;
        ms.Sort();
        Console.WriteLine(Inv($"phase {name,-40} p50 {P(ms, 0.5),6:0.00} ms  p90 {P(ms, 0.9),6:0.00}  p99 {P(ms, 0.99),6:0.00}  mean {ms.Average(),6:0.00}  alloc {kib,7:0} KiB"));
    }

    private static double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
