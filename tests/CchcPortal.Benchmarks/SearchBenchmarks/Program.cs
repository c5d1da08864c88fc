using System.Diagnostics;
using System.Globalization;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;
using CchcPortal.Search.Lucene;
using SearchBenchmarks;

// Search load run (issue 7): generate a corpus, build the index, run a query mix, print a Markdown report.
//   dotnet run -c Release --project tests/CchcPortal.Benchmarks/SearchBenchmarks -- [--docs 100000] [--queries 400] [--dir /tmp/x] [--keep] [--reuse /tmp/x] [--phases] [--agreement] [--ram 64] [--slowest 20] [--repeat 3] [--field-costs 3000]
var options = Args(args);
var docCount = int.Parse(options.GetValueOrDefault("docs", "100000"), CultureInfo.InvariantCulture);
var perKind = int.Parse(options.GetValueOrDefault("queries", "400"), CultureInfo.InvariantCulture);
// --repo: where the seed lives, for a copy of this build run from outside the repository (an A/B of two builds).
var repoRoot = options.TryGetValue("repo", out var repoOption) ? repoOption : FindRepoRoot();
var shared = options.GetValueOrDefault("shared", Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "data")));
var reuse = options.GetValueOrDefault("reuse");
var dir = reuse ?? options.GetValueOrDefault("dir", Path.Combine(Path.GetTempPath(), "cchc-search-bench-" + Environment.ProcessId));
if (reuse is null && Directory.Exists(dir)) Directory.Delete(dir, true);

Console.WriteLine(Inv($"Load average at start: {LoadAverage()}"));
var clock = Stopwatch.StartNew();
var generator = (CorpusGenerator?)new CorpusGenerator(repoRoot, shared);
var docs = generator.Generate(docCount).ToList();
var generateSeconds = clock.Elapsed.TotalSeconds;
var textChars = docs.Sum(d => (long)d.Title.Length + d.Summary.Length + d.Body.Length);
Console.WriteLine(Inv($"Generated {docs.Count:N0} documents ({textChars / 1e6:0.0} M characters of text, from {generator.SourceProcedures:N0} procedure records) in {generateSeconds:0.0} s"));

// --field-costs N: only where indexing time goes (IndexingProfile), over the first N documents.
if (options.TryGetValue("field-costs", out var profileDocs))
{
    IndexingProfile.Run(docs.Take(int.Parse(profileDocs, CultureInfo.InvariantCulture)).ToList());
    return;
}
var queries = QueryMix(docs, perKind, new Random(7));
var baseline = Process.GetCurrentProcess().PeakWorkingSet64;

// --ram MB: the writer's RAM buffer (how large the flushed segments are); LuceneSearchIndex's default otherwise.
using var index = new LuceneSearchIndex(dir, options.TryGetValue("ram", out var ram) ? double.Parse(ram, CultureInfo.InvariantCulture) : LuceneSearchIndex.DefaultRamBufferMB);
using var allocations = options.ContainsKey("allocations") ? new AllocationSampler() : null;
allocations?.Start();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var (allocatedBefore, pausesBefore) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
clock.Restart();
// --reuse DIR: query an index kept by an earlier run (--keep) instead of building one.
if (reuse is null) index.Rebuild(docs, 1);
else Console.WriteLine("Reusing the index in " + dir);
var buildSeconds = clock.Elapsed.TotalSeconds;
var buildCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
if (reuse is null)
{
    Console.WriteLine(Inv($"Indexed in {buildSeconds:0.0} s: {docs.Count / buildSeconds:N0} docs/s ({buildCpu:0.0} CPU-seconds, {Environment.ProcessorCount} cores)"));
    var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]);
    Console.WriteLine(Inv($"  GC while indexing: {(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024.0 / docs.Count:N1} KiB allocated per document; collections of gen 0/1/2: {string.Join("/", collections)}; paused {(GC.GetTotalPauseDuration() - pausesBefore).TotalSeconds:0.0} s"));
    allocations?.Print(docs.Count);
}
docs = null;
generator = null; // its source records are large too: the memory figures below are the index's
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var indexBytes = new DirectoryInfo(dir).EnumerateFiles().Sum(f => f.Length);

// Warm up (JIT, file cache), then time each query alone, one after another.
Console.WriteLine(Inv($"Load average before the queries: {LoadAverage()}"));
foreach (var (_, q) in queries.Take(300)) index.Search(q);
if (options.ContainsKey("phases")) PhaseProfile.Run(dir, queries);
if (options.ContainsKey("agreement"))
{
    // --agreement: only how often the two-pass search orders the first results as one full pass would (with --reuse).
    PhaseProfile.Run(dir, queries, agreementOnly: true);
    return;
}
// --repeat N: the whole mix N times over; besides each query's first time, the median of its N times (what the
// query costs, without the moments this shared VM is slowed from outside).
var repeat = int.Parse(options.GetValueOrDefault("repeat", "1"), CultureInfo.InvariantCulture);
var runs = queries.Select(_ => new List<double>(repeat)).ToList();
var totals = new int[queries.Count];
var queryCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var queryAllocBefore = GC.GetTotalAllocatedBytes();
for (var pass = 0; pass < repeat; pass++)
    for (var i = 0; i < queries.Count; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var result = index.Search(queries[i].Query);
        runs[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        totals[i] = result.Total;
    }
var totalHits = totals.Sum(t => (long)t);
var queryCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - queryCpuBefore).TotalMilliseconds / queries.Count / repeat;
var queryAllocKiB = (GC.GetTotalAllocatedBytes() - queryAllocBefore) / 1024.0 / queries.Count / repeat;
GC.Collect();
var heapAfter = GC.GetTotalMemory(true);
var process = Process.GetCurrentProcess();

if (reuse is null)
{
    Console.WriteLine();
    Console.WriteLine(Inv($"| documents | build (wall) | docs/s | CPU-seconds | docs per CPU-second | index size | text |"));
    Console.WriteLine("|---|---|---|---|---|---|---|");
    Console.WriteLine(Inv($"| {docCount:N0} | {buildSeconds:0.0} s | {docCount / buildSeconds:N0} | {buildCpu:0.0} | {docCount / buildCpu:N0} | {indexBytes / 1048576.0:0} MiB | {textChars / 1e6:0} M chars |"));
}
Console.WriteLine();
LatencyTable("first run of each query", runs.Select(r => r[0]).ToList());
if (repeat > 1) LatencyTable($"median of {repeat} runs of each query", runs.Select(r => r.Order().ElementAt(r.Count / 2)).ToList());

void LatencyTable(string title, List<double> perQuery)
{
    Console.WriteLine(title + ":");
    Console.WriteLine();
    Console.WriteLine("| queries | n | p50 ms | p90 ms | p99 ms | max ms |");
    Console.WriteLine("|---|---|---|---|---|---|");
    var byKind = queries.Select((q, i) => (q.Kind, Ms: perQuery[i])).GroupBy(x => x.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => (g.Key, List: g.Select(x => x.Ms).ToList())).Append(("mix (all)", perQuery.ToList()));
    foreach (var (kind, list) in byKind)
    {
        list.Sort();
        Console.WriteLine(Inv($"| {kind} | {list.Count} | {P(list, 0.5):0.0} | {P(list, 0.9):0.0} | {P(list, 0.99):0.0} | {list[^1]:0.0} |"));
    }
    Console.WriteLine();
}
Console.WriteLine(Inv($"Memory: managed heap after the run {heapAfter / 1048576.0:0} MiB (corpus released); working set {process.WorkingSet64 / 1048576.0:0} MiB; peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB (before indexing: {baseline / 1048576.0:0} MiB, the generated corpus in memory)."));
Console.WriteLine(Inv($"Average hits per query: {totalHits / (double)queries.Count:N0}; CPU per query {queryCpuMs:0.0} ms (both cores; large indexes search their segments in parallel); allocated per query {queryAllocKiB:N0} KiB. Index folder: {dir}"));
// --slowest N: the N slowest queries, to see what the tail is made of.
if (options.TryGetValue("slowest", out var n))
    foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => runs[i].Min()).Take(int.Parse(n, CultureInfo.InvariantCulture)))
        Console.WriteLine(Inv($"slow: {runs[i].Min(),6:0.0} ms at best of {repeat}  {queries[i].Kind,-12} {totals[i],6:N0} hits  {queries[i].Query.Text}"));
index.Dispose();
if (!options.ContainsKey("keep") && reuse is null) Directory.Delete(dir, true);

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

// Single words, several words, quoted phrases, words typed without diacritics, and words with a filter, all taken
// from the corpus' own titles (so they find something, as real queries mostly do), shuffled together.
static List<(string Kind, SearchQuery Query)> QueryMix(List<SearchDocument> docs, int perKind, Random rng)
{
    var list = new List<(string, SearchQuery)>();
    string[] Words(SearchDocument d) => d.Title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Trim(',', '.', '(', ')', ':', '–', ';')).Where(w => w.Length > 1 && w.All(char.IsLetter)).ToArray();
    string Run(string[] words, int n)
    {
        var take = Math.Min(n, words.Length);
        var start = rng.Next(words.Length - take + 1);
        return string.Join(' ', words.Skip(start).Take(take));
    }
    SearchDocument Doc() => docs[rng.Next(docs.Count)];
    for (var i = 0; i < perKind; i++)
    {
        var w = Words(Doc());
        if (w.Length == 0) { i--; continue; }
        list.Add(("single word", new SearchQuery { Text = w[rng.Next(w.Length)] }));
        w = Words(Doc());
        list.Add(("multi-word", new SearchQuery { Text = Run(w, 2 + rng.Next(3)) }));
        w = Words(Doc());
        list.Add(("phrase", new SearchQuery { Text = "\"" + Run(w, 2 + rng.Next(2)) + "\"" }));
        w = Words(Doc());
        list.Add(("folded", new SearchQuery { Text = VietnameseText.RemoveDiacritics(Run(w, 2 + rng.Next(3))) }));
        var d = Doc();
        w = Words(d);
        var q = new SearchQuery { Text = Run(w, 2 + rng.Next(2)) };
        q = rng.Next(3) switch
        {
            0 => q with { Kind = d.Kind },
            1 when d.Fields.Count > 0 => q with { Field = d.Fields[0] },
            _ when d.Years.Count > 0 => q with { Year = d.Years[0] },
            _ => q with { Kind = d.Kind },
        };
        list.Add(("faceted", q));
    }
    return list.OrderBy(_ => rng.Next()).ToList();
}

static Dictionary<string, string> Args(string[] args)
{
    var d = new Dictionary<string, string>();
    for (var i = 0; i < args.Length; i++)
        if (args[i].StartsWith("--", StringComparison.Ordinal))
            d[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
    return d;
}

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CchcPortal.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository (or pass --repo).");
}
