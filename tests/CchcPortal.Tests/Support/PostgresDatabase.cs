using System.Collections.Concurrent;
using CchcPortal.Tests.Integration;
using Npgsql;

namespace CchcPortal.Tests.Support;

/// <summary>Which database a <see cref="PortalFactory"/> runs on.</summary>
public enum TestDatabase { Sqlite, PostgreSql }

/// <summary>
/// A PortalFactory's own PostgreSQL database, copied from a template that was migrated and seeded once per flavour
/// (procedures or not, seed folder) with CREATE DATABASE … TEMPLATE: a copy takes a fraction of a second where
/// migrating and seeding take seconds. The template's data folder (files the seed wrote) is copied too.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private static readonly ConcurrentDictionary<string, Lazy<Template>> Templates = new();
    private const string InUse = "55006";

    public string ConnectionString { get; }
    private readonly string _name;

    private PostgresDatabase(string name)
    {
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresCluster.ConnectionString(name)) { MaxPoolSize = 20 }.ToString();
    }

    /// <summary>A fresh copy of the seeded template for this flavour, its files copied into <paramref name="dataPath"/>.</summary>
    public static PostgresDatabase Create(bool seedProcedures, string? seedPath, string dataPath)
    {
        var key = $"{seedProcedures}|{seedPath}";
        var template = Templates.GetOrAdd(key, _ => new Lazy<Template>(() => Template.Make(seedProcedures, seedPath), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        var database = new PostgresDatabase($"portal_{Guid.NewGuid():N}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                PostgresCluster.Execute($"CREATE DATABASE \"{database._name}\" TEMPLATE \"{template.Name}\"");
                break;
            }
            catch (PostgresException e) when (e.SqlState == InUse && attempt < 20)
            {
                Thread.Sleep(100); // a connection of the template's own start-up is still closing
            }
        }
        CopyFolder(template.DataPath, dataPath);
        return database;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        PostgresCluster.Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    /// <summary>The search index is rebuilt by each node from the change feed, so it is not copied.</summary>
    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("index" + Path.DirectorySeparatorChar)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private sealed record Template(string Name, string DataPath)
    {
        /// <summary>Starts the real app once on an empty database (migrations, seed, roles, administrator), then stops it.</summary>
        public static Template Make(bool seedProcedures, string? seedPath)
        {
            var name = $"template_{Guid.NewGuid():N}";
            var dataPath = Path.Combine(PostgresCluster.Scratch, name);
            var connectionString = PostgresCluster.ConnectionString(name);
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "PostgreSql",
                ["Database:ConnectionString"] = connectionString,
            };
            if (seedPath is not null) settings["Portal:SeedPath"] = seedPath;
            using (var factory = new PortalFactory(dataPath: dataPath, seedProcedures: seedProcedures, settings: settings))
                _ = factory.Server;
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
            return new Template(name, dataPath);
        }
    }
}
