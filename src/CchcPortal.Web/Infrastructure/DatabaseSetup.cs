using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Data.Sqlite;

namespace CchcPortal.Web.Infrastructure;

/// <summary>The portal's database: the embedded SQLite file of the data folder by default.</summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        // Every save goes through the change feed: rows of new entities get their ids, notices follow the commit.
        builder.Services.AddDbContext<PortalDbContext>((sp, options) =>
            options.UsePortalSqlite(sp.GetRequiredService<PortalPaths>().DatabaseFile)
                .AddInterceptors(sp.GetRequiredService<ChangeFeedInterceptor>()));
        return builder;
    }
}
