using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CchcPortal.Data.PostgreSql;

public static class PostgreSqlDataExtensions
{
    /// <summary>A shared PostgreSQL server for several web nodes; migrations from this assembly.</summary>
    public static DbContextOptionsBuilder UsePortalPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDataExtensions).Assembly.GetName().Name));
}

/// <summary>Used by `dotnet ef migrations add` only; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalPostgreSql("Host=localhost;Database=cchcportal_design");
        return new PortalDbContext(builder.Options);
    }
}
