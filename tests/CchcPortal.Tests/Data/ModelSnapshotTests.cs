using CchcPortal.Core.Data;
using CchcPortal.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Tests.Data;

/// <summary>
/// The EF model (entities and their configurations, wherever they live) is exactly what the last migration
/// recorded: moving a configuration next to its feature, or renaming a namespace, must not change the schema.
/// </summary>
public class ModelSnapshotTests
{
    [Fact]
    public void Model_has_no_changes_beyond_the_last_migration()
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalSqlite(Path.Combine(Path.GetTempPath(), $"snapshot-{Guid.NewGuid():N}.db"));
        var options = builder.Options;
        using var db = new PortalDbContext(options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the migrations' snapshot: add a migration or undo the change.");
    }
}
