using System.Collections.Concurrent;
using System.Globalization;
using CchcPortal.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace CchcPortal.Search.Lucene;

/// <summary>
/// The Lucene.Net index on disk: one IndexWriter and one SearcherManager per process. Opened with our
/// <see cref="MappedDirectory"/> (Lucene.Net 4.8's MMapDirectory reads through a slow byte-buffer layer; its
/// NIOFSDirectory spent a third of a query in FileStream reads). Every write is one commit carrying the change-feed
/// sequence in its user data; on shutdown uncommitted work is rolled back, never half-committed. Searchers read the
/// commits, not the writer: a failed write rolls the writer back and reopens it without touching a searcher in use.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex, IDisposable
{
    public const double DefaultRamBufferMB = 160;
    public const string SequenceKey = "sequence";
    public const string SchemaKey = "schema";
    /// <summary>Bumped whenever fields or analysis change: an index written under another schema is rebuilt.</summary>
    public const string SchemaVersion = "8";
    private const int SnippetChars = 220;

    private readonly object _writeLock = new();
    private readonly FSDirectory _directory;
    private readonly FileStream _processLock;
    private readonly double _ramBufferMB;
    private IndexWriter? _writer;
    private readonly SearcherManager _searchers;
    private bool _disposed;

    /// <param name="path">The index folder.</param>
    /// <param name="ramBufferMB">
    /// How much analysed text the writer gathers before it flushes a segment. 160 MB makes few, large segments and
    /// few merges on a rebuild (the reindex command, the search benchmark): at 100,000 documents 5 segments instead
    /// of 12 with 64 MB, and a fifth less CPU and half the garbage per query, since a query opens a postings reader
    /// per term and segment. A server that rebuilds while it serves pages passes less, since the buffer (and the
    /// garbage of filling it) is most of a rebuild's peak memory.
    /// </param>
    public LuceneSearchIndex(string path, double ramBufferMB = DefaultRamBufferMB)
    {
        _ramBufferMB = ramBufferMB;
        System.IO.Directory.CreateDirectory(path);
        Path = path;
        // Lucene.Net's own write lock does not stop a second process on Linux; a second writer (say, `reindex`
        // while the server runs) would delete the first one's files. An exclusive OS lock on a file of our own does.
        try
        {
            _processLock = new FileStream(System.IO.Path.Combine(path, "portal-writer.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new LockObtainFailedException($"The search index at {path} is open in another process.", ex);
        }
        _directory = new MappedDirectory(new DirectoryInfo(path));
        OpenWriter();
        // Every write ends with a commit, so a searcher of the directory sees all of it; unlike a near-real-time one
        // it does not depend on the writer, which a failed write closes.
        _searchers = new SearcherManager(_directory, null);
    }

    public string Path { get; }

    public long? CommittedSequence { get; private set; }

    public int DocumentCount => WithSearcher(s => s.IndexReader.NumDocs);

    /// <summary>True when the index on disk could not be read and was started afresh (the indexer then rebuilds it).</summary>
    public bool WasRecreated { get; private set; }

    private IndexWriter OpenWriter()
    {
        IndexWriter writer;
        try
        {
            writer = new IndexWriter(_directory, Config(OpenMode.CREATE_OR_APPEND));
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            // The index is derived data: an unreadable one is replaced by an empty one and rebuilt from the database.
            writer = new IndexWriter(_directory, Config(OpenMode.CREATE));
            writer.Commit();
            WasRecreated = true;
        }
        if (!DirectoryReader.IndexExists(_directory)) writer.Commit(); // an empty first commit, without a sequence
        var data = writer.CommitData;
        CommittedSequence = data.TryGetValue(SchemaKey, out var schema) && schema == SchemaVersion
            && data.TryGetValue(SequenceKey, out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seq) ? seq : null;
        return _writer = writer;
    }

    public IReadOnlyList<IndexingFailure> Apply(IEnumerable<SearchDocument> upserts, IEnumerable<string> deleteKeys, IEnumerable<string> replaceKinds, long sequence)
    {
        var failures = new List<IndexingFailure>();
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var writer = _writer ?? OpenWriter();
            try
            {
                foreach (var kind in replaceKinds) writer.DeleteDocuments(new Term(SearchFields.Kind, kind));
                foreach (var key in deleteKeys) writer.DeleteDocuments(new Term(SearchFields.Key, key));
                foreach (var doc in upserts)
                    if (Index(doc, lucene => writer.UpdateDocument(new Term(SearchFields.Key, doc.Key), lucene)) is { } failure)
                        failures.Add(failure);
                CommitLocked(writer, sequence);
            }
            catch
            {
                Reset();
                throw;
            }
        }
        return failures;
    }

    public IReadOnlyList<IndexingFailure> Rebuild(IEnumerable<SearchDocument> documents, long sequence)
    {
        var failures = new ConcurrentQueue<IndexingFailure>();
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var writer = _writer ?? OpenWriter();
            try
            {
                writer.DeleteAll();
                // Analysis is most of the cost and IndexWriter takes documents from several threads at once.
                // NoBuffering: the documents may be streamed from a loader (SearchIndexUpdater); a thread waiting to fill a
                // chunk would hold every other thread back.
                Parallel.ForEach(Partitioner.Create(documents, EnumerablePartitionerOptions.NoBuffering),
                    new ParallelOptions { MaxDegreeOfParallelism = IndexingThreads },
                    doc =>
                    {
                        if (Index(doc, writer.AddDocument) is { } failure) failures.Enqueue(failure);
                    });
                CommitLocked(writer, sequence);
            }
            catch
            {
                Reset();
                throw;
            }
        }
        return failures.ToList();
    }

    /// <summary>
    /// Maps and writes one document; a document Lucene refuses (an analysis error, a value beyond its limits) comes
    /// back as a failure and the writer carries on: Lucene marks such a document deleted and keeps the others. Errors
    /// of the writer itself (I/O, memory, closed) are not the document's and fail the whole write.
    /// </summary>
    private static IndexingFailure? Index(SearchDocument doc, Action<LuceneDocument> write)
    {
        try
        {
            write(DocumentMapper.ToLucene(doc));
            return null;
        }
        catch (Exception ex) when (IndexingFailure.IsDocumentFault(ex))
        {
            return IndexingFailure.Of(doc.Key, ex);
        }
    }

    private void CommitLocked(IndexWriter writer, long sequence)
    {
        writer.SetCommitData(new Dictionary<string, string>
        {
            [SequenceKey] = sequence.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = SchemaVersion,
        });
        writer.Commit();
        // Searchers first: whoever sees the new sequence (a test, the manager, a waiting request) must find the work.
        _searchers.MaybeRefreshBlocking();
        CommittedSequence = sequence;
    }

    /// <summary>
    /// After a failed write: drop everything uncommitted and reopen the writer at the last commit. Searchers are left
    /// alone (they read commits); should the writer not reopen, the next write tries again.
    /// </summary>
    private void Reset()
    {
        var writer = _writer;
        _writer = null;
        try { writer?.Rollback(); } catch (Exception) { /* closed either way */ }
        try { OpenWriter(); } catch (Exception) { /* the next write reopens it */ }
    }

    private static int IndexingThreads => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// A larger RAM buffer than Lucene's 16 MB default means fewer, larger flushed segments and far fewer merges on a
    /// rebuild; compound files are skipped (building them copies every segment once more).
    /// </summary>
    private IndexWriterConfig Config(OpenMode mode) =>
        new(Analysis.VietnameseAnalyzer.Version, SearchFields.CreateIndexAnalyzer())
        {
            OpenMode = mode,
            RAMBufferSizeMB = _ramBufferMB,
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0, SegmentsPerTier = 10 },
            MaxThreadStates = IndexingThreads,
        };

    public SearchResults Search(SearchQuery query)
    {
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, SearchQuery.MaxPageSize);
        var parsed = ParsedQuery.Parse(query.Text);
        var terms = QueryTerms.HighlightTerms(parsed);

        return WithSearcher(searcher =>
        {
            // Deep pages are not useful to anyone and cost memory: cap at 1,000 hits.
            var wanted = Math.Min(page * pageSize, 1000);
            // Looked up once, for the search and the suggestion.
            var spelt = parsed with { Spelling = SpellingVariants.Find(searcher.IndexReader, parsed) };
            if (RankedSearch.Run(searcher, spelt, wanted, query.Filters()) is not { } result) return SearchResults.Empty(page, pageSize);
            var (top, collector) = result;
            var docs = top.Skip((page - 1) * pageSize).Take(pageSize).Select(sd => (Doc: searcher.Doc(sd.Doc), sd.Score)).ToList();
            var hits = docs.Select(d => ToHit(d.Doc, d.Score, terms)).ToList();
            var didYouMean = DiacriticsSuggester.Suggest(parsed.Words, spelt.Spelling, docs.Take(10).Select(d =>
                $"{d.Doc.Get(SearchFields.Title)} {Utf8StoredField.Read(d.Doc, SearchFields.Summary)} {Head(Utf8StoredField.Read(d.Doc, SearchFields.Body))}"));
            return new SearchResults(hits, collector.TotalHits, page, pageSize, collector.Facets(), didYouMean);
        });
    }

    public IReadOnlyList<string> RankedKeys(SearchQuery query, int max)
    {
        var wanted = Math.Clamp(max, 1, 1000);
        var parsed = ParsedQuery.Parse(query.Text);
        var keyOnly = new HashSet<string> { SearchFields.Key };
        return WithSearcher<IReadOnlyList<string>>(searcher =>
            RankedSearch.Run(searcher, parsed, wanted, query.Filters()) is { } result
                ? result.Top.Take(wanted).Select(sd => searcher.Doc(sd.Doc, keyOnly).Get(SearchFields.Key) ?? "").Where(k => k.Length > 0).ToList()
                : []);
    }

    private static string Head(string? text) => text is null ? "" : text.Length <= 2000 ? text : text[..2000];

    private static SearchHit ToHit(LuceneDocument doc, float score, IReadOnlySet<string> terms)
    {
        var title = doc.Get(SearchFields.Title) ?? "";
        var summary = Utf8StoredField.Read(doc, SearchFields.Summary);
        var body = Utf8StoredField.Read(doc, SearchFields.Body);
        // The summary when it holds the words as well as the body does; otherwise the best part of the body.
        var inSummary = Snippets.Find(summary, terms);
        var inBody = Snippets.Find(body, terms);
        var (source, marks) = summary.Length > 0 && inSummary.Count >= inBody.Count ? (summary, inSummary)
            : body.Length > 0 ? (body, inBody) : (summary, inSummary);
        var ticks = doc.GetField(SearchFields.Date)?.GetInt64Value();
        return new SearchHit(
            doc.Get(SearchFields.Kind) ?? "", doc.Get(SearchFields.Key) ?? "", title, Snippets.Highlight(title, terms, 500),
            doc.Get(SearchFields.Url) ?? "/", Snippets.Highlight(source, marks, SnippetChars),
            ticks is { } t ? new DateTime(t, DateTimeKind.Utc) : null, doc.Get(SearchFields.Code), score);
    }

    public IReadOnlyList<SearchSuggestion> Suggest(string text, int max = 8)
    {
        var normalized = Core.Common.VietnameseText.Normalize(text);
        if (normalized.Length > 100) normalized = normalized[..100];
        var prefixes = SearchFields.Folded.Terms(normalized).Take(8).ToList();
        if (prefixes.Count == 0) return [];
        var query = new BooleanQuery();
        foreach (var p in prefixes)
            query.Add(new TermQuery(new Term(SearchFields.TitlePrefixes, p.Length > 20 ? p[..20] : p)), Occur.MUST);
        foreach (var exact in SearchFields.Exact.Terms(normalized).Take(8))
            query.Add(new TermQuery(new Term(SearchFields.TitleExact, exact)), Occur.SHOULD);
        // Prefixes of one syllable share its position, so a phrase of prefixes finds the words in the order typed.
        if (prefixes.Count > 1)
        {
            var inOrder = new PhraseQuery { Boost = 5f };
            foreach (var p in prefixes) inOrder.Add(new Term(SearchFields.TitlePrefixes, p.Length > 20 ? p[..20] : p));
            query.Add(inOrder, Occur.SHOULD);
        }
        return WithSearcher(searcher => searcher.Search(query, Math.Clamp(max, 1, 20)).ScoreDocs
            .Select(sd => searcher.Doc(sd.Doc))
            .Select(d => new SearchSuggestion(d.Get(SearchFields.Kind) ?? "", d.Get(SearchFields.Title) ?? "", d.Get(SearchFields.Url) ?? "/"))
            .ToList());
    }

    private T WithSearcher<T>(Func<IndexSearcher, T> work)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return work(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed) return;
            _disposed = true;
            _searchers.Dispose();
            // Everything we wanted kept was committed with its sequence; anything else is dropped, like a crash.
            _writer?.Rollback();
            _directory.Dispose();
            _processLock.Dispose();
        }
    }
}
