using CchcPortal.Core.Data;
using CchcPortal.Data.PostgreSql;
using CchcPortal.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Tests.Data;

/// <summary>
/// The EF model (entities and their configurations, wherever they live) is exactly what the last migration
/// recorded: moving a configuration next to its feature, or renaming a namespace, must not change the schema.
/// </summary>
public class ModelSnapshotTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public void Model_has_no_changes_beyond_the_last_migration(string provider)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        if (provider == "Sqlite") builder.UsePortalSqlite(Path.Combine(Path.GetTempPath(), $"snapshot-{Guid.NewGuid():N}.db"));
        else builder.UsePortalPostgreSql("Host=127.0.0.1;Database=snapshot"); // no connection is opened
        var options = builder.Options;
        using var db = new PortalDbContext(options);
        Assert.False(db.Database.HasPendingModelChanges(), $"The model differs from the {provider} migrations' snapshot: add a migration to both providers or undo the change.");
    }
}
