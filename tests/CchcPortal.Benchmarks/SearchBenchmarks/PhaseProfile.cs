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
/// and score only; match, score and count facets; the first pass alone, both passes, and one pass of the full query;
/// load the stored fields and make the snippets of the first page), and how often the two passes order the first
/// results as one full pass would (--agreement: that alone).
/// </summary>
public static class PhaseProfile
{
    public static void Run(string dir, IReadOnlyList<(string Kind, SearchQuery Query)> queries, bool agreementOnly = false)
    {
        using var directory = new MappedDirectory(new DirectoryInfo(dir));
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var built = queries.Select(q => (q.Kind, q.Query, Parsed: ParsedQuery.Parse(q.Query.Text))).Select(q => (q.Kind, q.Query, q.Parsed, Lucene: RankingQuery.Build(q.Parsed))).Where(q => q.Lucene is not null).ToList();
        Console.WriteLine(Inv($"Segments: {reader.Leaves.Count}"));
        if (agreementOnly)
        {
            Agreement(searcher, built.Select(q => (q.Kind, q.Query, q.Parsed, q.Lucene!)).ToList());
            return;
        }
        Time("parse + build", built, q => { RankingQuery.Build(ParsedQuery.Parse(q.Query.Text)); });
        Time("count only (TotalHitCountCollector)", built, q => searcher.Search(q.Lucene, new TotalHitCountCollector()));
        Time("top 10 (TopScoreDocCollector)", built, q => searcher.Search(q.Lucene, TopScoreDocCollector.Create(10, true)));
        Time("top 10 + facets", built, q => searcher.Search(q.Lucene, new FacetingCollector(TopScoreDocCollector.Create(10, true), q.Query.Filters())));
        Time("first pass (term at a time) + facets, 200 candidates", built, q =>
            SlicedSearch.Run(searcher, FirstPass.Create(searcher, q.Parsed)!, null, RankedSearch.Window, RankedSearch.Window, q.Query.Filters()));
        Time("two passes (first + rescore 200)", built, q => RankedSearch.Run(searcher, q.Parsed, 10, q.Query.Filters()));
        Time("one pass, full query (no rescoring)", built, q => SlicedSearch.Run(searcher, q.Lucene!, 10, q.Query.Filters()));
        Agreement(searcher, built.Select(q => (q.Kind, q.Query, q.Parsed, q.Lucene!)).ToList());
        var tops = built.Select(q => searcher.Search(q.Lucene, 10).ScoreDocs).ToList();
        var i = 0;
        Time("load 10 stored docs", built, _ => { foreach (var sd in tops[i++ % tops.Count]) searcher.Doc(sd.Doc); });
        i = 0;
        Time("load + snippets (body and summary)", built, q =>
        {
            var terms = QueryTerms.HighlightTerms(q.Parsed);
            foreach (var sd in tops[i++ % tops.Count])
            {
                var d = searcher.Doc(sd.Doc);
                Snippets.Highlight(Utf8StoredField.Read(d, SearchFields.Body), terms, 220);
                Snippets.Highlight(d.Get(SearchFields.Summary) ?? "", terms, 220);
                Snippets.Highlight(d.Get(SearchFields.Title) ?? "", terms, 500);
            }
        });
        Console.WriteLine();
    }

    /// <summary>How often the two-pass search gives the same first results, in the same order, as scoring every match with the full query.</summary>
    private static void Agreement(IndexSearcher searcher, List<(string Kind, SearchQuery Query, ParsedQuery Parsed, Query Full)> queries)
    {
        foreach (var window in new[] { 50, 100, 200, 400 })
        {
            int same3 = 0, same10 = 0, sameTotals = 0, scores3 = 0, scores10 = 0;
            var missesByKind = new Dictionary<string, int>();
            var ratios = new List<double>();
            foreach (var (kind, query, parsed, full) in queries)
            {
                var one = SlicedSearch.Run(searcher, full, 10, query.Filters());
                var two = RankedSearch.Run(searcher, parsed, 10, query.Filters(), window)!;
                if (one.Top.Take(3).Select(d => d.Doc).SequenceEqual(two.Top.Take(3).Select(d => d.Doc))) same3++;
                if (one.Top.Select(d => d.Doc).SequenceEqual(two.Top.Select(d => d.Doc))) same10++;
                // Documents of equal score are interchangeable (the generated corpus repeats titles): compare the scores.
                if (one.Top.Take(3).Select(d => d.Score).SequenceEqual(two.Top.Take(3).Select(d => d.Score))) scores3++;
                else missesByKind[kind] = missesByKind.GetValueOrDefault(kind) + 1;
                if (one.Top.Select(d => d.Score).SequenceEqual(two.Top.Select(d => d.Score))) scores10++;
                if (one.Facets.TotalHits == two.Facets.TotalHits) sameTotals++;
                // How much of the best possible score the first three keep (1 = as good as scoring every match).
                var best = one.Top.Take(3).Sum(d => (double)d.Score);
                if (best > 0) ratios.Add(two.Top.Take(3).Sum(d => (double)d.Score) / best);
            }
            ratios.Sort();
            Console.WriteLine(Inv($"agreement with one pass, window {window,3}: same top 3 in {100.0 * same3 / queries.Count:0.0}% of queries (same scores {100.0 * scores3 / queries.Count:0.0}%), same top 10 in {100.0 * same10 / queries.Count:0.0}% (same scores {100.0 * scores10 / queries.Count:0.0}%), same total in {100.0 * sameTotals / queries.Count:0.0}%; top-3 score kept: mean {ratios.Average():0.0000}, 1st percentile {ratios[(int)(ratios.Count * 0.01)]:0.0000}, min {ratios[0]:0.0000}; top-3 score misses by kind: {string.Join(", ", missesByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}"));
        }
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
