using CchcPortal.Tests.Integration;
using Microsoft.Data.Sqlite;

namespace CchcPortal.Tests.Support;

/// <summary>
/// One migrated, seeded and indexed data folder per seed flavour (with or without the 1,601 procedures), made once per
/// test process by starting the real app on it and stopping it once the search index is current. A
/// <see cref="PortalFactory"/> on a fresh folder gets a copy of its files instead of migrating, seeding and indexing
/// again; the app's start-up then finds everything done, as on a restart. Data-protection keys and the anti-spam key
/// are not copied: every factory makes its own, as on a first start.
/// </summary>
public static class SeededTemplate
{
    // Built on the thread pool: the caller may hold one of xunit's few test threads, which the build's awaits must not need.
    private static readonly Lazy<string> Plain = new(() => Task.Run(() => Build(seedProcedures: false)).GetAwaiter().GetResult());
    private static readonly Lazy<string> WithProcedures = new(() => Task.Run(() => Build(seedProcedures: true)).GetAwaiter().GetResult());

    /// <summary>
    /// Settings read only while serving (limits, mail, addresses, cache sizes, security policy): a factory with other
    /// settings may seed differently, so it starts from an empty folder as before.
    /// </summary>
    private static readonly string[] ServingOnlyPrefixes =
    [
        "Portal:RateLimits:", "Portal:Smtp:", "Portal:PublicBaseUrl", "Portal:Cache:", "Portal:Security:",
        "Portal:ReverseProxy:", "Portal:AntiSpam:", "Portal:MaxUploadBytes", "Portal:OverdueDigestTime", "Portal:Survey",
    ];

    /// <summary>Not copied: made fresh by each app (keys), or process locks and SQLite side files.</summary>
    private static readonly string[] NotCopied = ["keys", "antispam.key", "mail-pickup", "write.lock", "portal-writer.lock"];

    /// <summary>
    /// True when a factory may start from the template: its own fresh folder, no replaced services (they may change what
    /// start-up writes, e.g. a search document source) and only serving settings, on SQLite.
    /// </summary>
    public static bool Fits(string? dataPath, IReadOnlyDictionary<string, string> settings, bool replacesServices) =>
        dataPath is null && !replacesServices
        && settings.Keys.All(key => ServingOnlyPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        && Environment.GetEnvironmentVariable("Database__Provider") is null or "" or "Sqlite";

    /// <summary>Copies the template of the flavour into <paramref name="dataPath"/> (empty), building it first if needed.</summary>
    public static void CopyInto(string dataPath, bool seedProcedures) =>
        CopyTree(seedProcedures ? WithProcedures.Value : Plain.Value, dataPath);

    private static string Build(bool seedProcedures)
    {
        var path = Path.Combine(Path.GetTempPath(), "cchc-tests", $"template-{(seedProcedures ? "procedures" : "plain")}-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        // A given data path keeps the factory off the template and its folder on disposal.
        using (var factory = new PortalFactory(path, seedProcedures))
            factory.WaitForSearchAsync(seconds: 300).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Checkpoint(Path.Combine(path, "cchcportal.db"));
        return path;
    }

    /// <summary>Moves everything in the write-ahead log into the database file, so the file alone is the whole database.</summary>
    private static void Checkpoint(string databaseFile)
    {
        using (var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            using var reader = command.ExecuteReader();
            reader.Read();
            if (reader.GetInt32(0) != 0)
                throw new InvalidOperationException($"The template database {databaseFile} is still in use; its log could not be checkpointed.");
        }
        var wal = databaseFile + "-wal";
        if (File.Exists(wal) && new FileInfo(wal).Length > 0)
            throw new InvalidOperationException($"The template database's log {wal} is not empty after a checkpoint.");
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var name = Path.GetFileName(entry);
            if (NotCopied.Contains(name) || name.EndsWith("-wal", StringComparison.Ordinal) || name.EndsWith("-shm", StringComparison.Ordinal))
                continue;
            var target = Path.Combine(to, name);
            if (Directory.Exists(entry)) CopyTree(entry, target);
            else File.Copy(entry, target);
        }
    }
}
