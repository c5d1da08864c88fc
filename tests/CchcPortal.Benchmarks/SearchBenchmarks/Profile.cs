using System.Diagnostics;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchBenchmarks;

/// <summary>Where indexing time goes: each analyzer alone over the same texts (--profile).</summary>
public static class Profile
{
    public static void Run(IReadOnlyList<SearchDocument> docs)
    {
        var texts = docs.Select(d => string.Join(" ", d.Summary, d.Body)).ToList();
        var titles = docs.Select(d => d.Title).ToList();
        Time("text exact", IndexFields.Exact, texts);
        Time("text folded", IndexFields.Folded, texts);
        Time("text shingles (lead)", IndexFields.FoldedShingles, texts.Select(t => t.Length > 1500 ? t[..1500] : t).ToList());
        Time("title exact", IndexFields.Exact, titles);
        Time("title folded shingles", IndexFields.FoldedShingles, titles);
        Time("title prefixes", IndexFields.FoldedPrefixes, titles);
        var sw = Stopwatch.StartNew();
        foreach (var d in docs) DocumentMapper.ToLucene(d);
        Console.WriteLine($"ToLucene (no analysis): {sw.Elapsed.TotalMilliseconds / docs.Count * 1000:0} µs/doc");
    }

    private static void Time(string name, Analyzer analyzer, IReadOnlyList<string> texts)
    {
        var sw = Stopwatch.StartNew();
        long tokens = 0;
        foreach (var t in texts)
        {
            using var stream = analyzer.GetTokenStream("f", t);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) tokens++;
            stream.End();
        }
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds / texts.Count * 1000:0} µs/doc, {tokens / texts.Count} tokens/doc");
    }
}
