using System.Diagnostics;
using System.Globalization;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace SearchBenchmarks;

/// <summary>
/// --field-costs N: where indexing time goes, on one thread over the first N generated documents: mapping, the
/// analysis of each field alone (tokens per document, CPU), then a whole single-threaded index into memory with all
/// fields and with each analysed field left out in turn (what the field costs the writer, inversion included).
/// Process CPU time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
/// </summary>
public static class IndexingProfile
{
    public static void Run(IReadOnlyList<SearchDocument> docs)
    {
        // The first round only compiles (tiered JIT would otherwise charge its slow first code to the first measures).
        Measure(docs, _ => { });
        Console.WriteLine(Inv($"Indexing profile over {docs.Count:N0} documents, one thread (process CPU time):"));
        Measure(docs, Console.WriteLine);
        Console.WriteLine();
    }

    private static void Measure(IReadOnlyList<SearchDocument> docs, Action<string> print)
    {
        List<LuceneDocument> mapped = [];
        var mapMs = Cpu(() => mapped = docs.Select(DocumentMapper.ToLucene).ToList());
        print(Inv($"map (DocumentMapper.ToLucene)  {1000 * mapMs / docs.Count,8:0.0} µs/doc"));

        var normalizeMs = Cpu(() =>
        {
            foreach (var d in docs)
                foreach (var text in new[] { d.Title, d.Summary, d.Body, d.Keywords }) VietnameseText.Normalize(text);
        });
        print(Inv($"  of which VietnameseText.Normalize {1000 * normalizeMs / docs.Count,8:0.0} µs/doc"));

        var analyzer = SearchFields.CreateIndexAnalyzer();
        var analysed = mapped[0].Fields.Where(f => f.IndexableFieldType.IsIndexed && f.IndexableFieldType.IsTokenized).Select(f => f.Name).Distinct().ToList();
        foreach (var name in analysed)
        {
            long tokens = 0;
            var ms = Cpu(() =>
            {
                foreach (var doc in mapped)
                    foreach (var field in doc.Fields.Where(f => f.Name == name))
                    {
                        using var stream = field.GetTokenStream(analyzer);
                        stream.AddAttribute<ICharTermAttribute>();
                        stream.Reset();
                        while (stream.IncrementToken()) tokens++;
                        stream.End();
                    }
            });
            print(Inv($"analyse {name,-10} {1000 * ms / docs.Count,8:0.0} µs/doc  {tokens / (double)docs.Count,7:0} tokens/doc"));
        }

        var bodies = mapped.SelectMany(doc => doc.Fields.Where(f => f.Name == SearchFields.Text).Select(f => f.GetStringValue())).ToList();
        foreach (var (name, tokenizer) in new (string, Lucene.Net.Analysis.Tokenizer)[]
        {
            ("StandardTokenizer", new Lucene.Net.Analysis.Standard.StandardTokenizer(CchcPortal.Search.Lucene.Analysis.VietnameseAnalyzer.Version, new StringReader(""))),
            ("SyllableTokenizer", new CchcPortal.Search.Lucene.Analysis.SyllableTokenizer(new StringReader(""))),
        })
        {
            tokenizer.AddAttribute<ICharTermAttribute>();
            tokenizer.Dispose();
            long tokens = 0;
            var ms = Cpu(() =>
            {
                foreach (var text in bodies)
                {
                    tokenizer.SetReader(new StringReader(text));
                    tokenizer.Reset();
                    while (tokenizer.IncrementToken()) tokens++;
                    tokenizer.End();
                    tokenizer.Dispose();
                }
            });
            print(Inv($"  of {SearchFields.Text}: {name} alone {1000 * ms / docs.Count,8:0.0} µs/doc  {tokens / (double)docs.Count,7:0} tokens/doc"));
        }

        var all = IndexAll(docs, null);
        print(Inv($"index, all fields              {1000 * all / docs.Count,8:0.0} µs/doc"));
        foreach (var name in analysed)
        {
            var without = IndexAll(docs, name);
            print(Inv($"index without {name,-10}       {1000 * without / docs.Count,8:0.0} µs/doc  (the field: {1000 * (all - without) / docs.Count,6:0.0})"));
        }
    }

    /// <summary>CPU milliseconds of a single-threaded index of the documents into memory, flushed and committed.</summary>
    private static double IndexAll(IReadOnlyList<SearchDocument> docs, string? leaveOut)
    {
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(CchcPortal.Search.Lucene.Analysis.VietnameseAnalyzer.Version, SearchFields.CreateIndexAnalyzer())
        {
            RAMBufferSizeMB = 1024, UseCompoundFile = false, MaxThreadStates = 1,
        };
        using var writer = new IndexWriter(directory, config);
        return Cpu(() =>
        {
            foreach (var d in docs)
            {
                var doc = DocumentMapper.ToLucene(d);
                if (leaveOut is not null) doc.RemoveFields(leaveOut);
                writer.AddDocument(doc);
            }
            writer.Commit();
        });
    }

    private static double Cpu(Action work)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        work();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
