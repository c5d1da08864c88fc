using CchcPortal.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CchcPortal.Data.Sqlite;

public static class SqliteDataExtensions
{
    /// <summary>The embedded default: one SQLite file, WAL journal, migrations from this assembly.</summary>
    public static DbContextOptionsBuilder UsePortalSqlite(this DbContextOptionsBuilder options, string databaseFile)
    {
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        return options.UseSqlite(cs, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDataExtensions).Assembly.GetName().Name));
    }

    /// <summary>Switches the file to WAL so readers never wait on the writer; persistent per file.</summary>
    public static async Task EnableWriteAheadLogAsync(this PortalDbContext db, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>Used by `dotnet ef migrations add` only.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalSqlite("design-time.db");
        return new PortalDbContext(builder.Options);
    }
}
