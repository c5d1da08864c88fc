using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Data.PostgreSql;
using CchcPortal.Data.Sqlite;

namespace CchcPortal.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// The portal's database: the embedded SQLite file of the data folder by default, or a shared PostgreSQL server
/// (`Database:Provider` = PostgreSql, `Database:ConnectionString`) when several web nodes serve one portal.
/// </summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var provider = Provider(builder.Configuration);
        var connectionString = builder.Configuration["Database:ConnectionString"];
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "Database:Provider là PostgreSql nhưng chưa có Database:ConnectionString (ví dụ \"Host=db;Database=cchcportal;Username=cchc;Password=...\").");

        // Every save goes through the change feed: rows of new entities get their ids, notices follow the commit.
        builder.Services.AddDbContext<PortalDbContext>((sp, options) =>
        {
            if (provider == DatabaseProvider.PostgreSql) options.UsePortalPostgreSql(connectionString!);
            else options.UsePortalSqlite(sp.GetRequiredService<PortalPaths>().DatabaseFile);
            options.AddInterceptors(sp.GetRequiredService<ChangeFeedInterceptor>());
        });
        return builder;
    }

    /// <summary>`Database:Provider`, case-insensitive; unset is SQLite; anything else stops the start with a message.</summary>
    public static DatabaseProvider Provider(IConfiguration config)
    {
        var value = config["Database:Provider"]?.Trim();
        if (string.IsNullOrEmpty(value)) return DatabaseProvider.Sqlite;
        if (value.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.Sqlite;
        if (value.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase)) return DatabaseProvider.PostgreSql;
        throw new InvalidOperationException(
            $"Database:Provider “{value}” không được hỗ trợ: chỉ dùng Sqlite (mặc định) hoặc PostgreSql.");
    }
}
