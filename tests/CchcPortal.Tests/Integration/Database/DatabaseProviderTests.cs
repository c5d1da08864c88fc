using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Database;

/// <summary>`Database:Provider` and `Database:ConnectionString`: what starts, what refuses to, and several nodes starting at once.</summary>
public class DatabaseProviderTests
{
    private static string StartFailure(Dictionary<string, string> settings)
    {
        using var factory = new PortalFactory(settings: settings);
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        return string.Join(" | ", Chain(error).Select(e => e.Message));
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    [Fact]
    public void An_unknown_provider_refuses_to_start_with_a_message_naming_the_two_that_exist()
    {
        var message = StartFailure(new() { ["Database:Provider"] = "Oracle" });
        Assert.Contains("Database:Provider “Oracle” không được hỗ trợ: chỉ dùng Sqlite (mặc định) hoặc PostgreSql.", message);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_refuses_to_start()
    {
        var message = StartFailure(new() { ["Database:Provider"] = "postgresql" });
        Assert.Contains("Database:Provider là PostgreSql nhưng chưa có Database:ConnectionString", message);
    }

    [Fact]
    public async Task Backup_and_restore_on_PostgreSql_refuse_and_point_to_pg_dump_before_touching_anything()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        var target = dataPath + "-backup";
        Directory.CreateDirectory(dataPath);
        // Settings first: the configuration reads an argument starting with '/' (the folder) as a key taking the next one as its value.
        string[] postgres = ["--Database:Provider=PostgreSql", "--Database:ConnectionString=Host=127.0.0.1;Port=1;Database=none"];
        var backup = await Backup.PortalProcess.RunAsync(dataPath, [.. postgres, "backup", target]);
        Assert.Equal(CchcPortal.Web.Infrastructure.Backup.BackupExitCodes.OtherDatabase, backup.ExitCode);
        Assert.Contains("pg_dump", backup.Error);
        var restore = await Backup.PortalProcess.RunAsync(dataPath, [.. postgres, "restore", target]);
        Assert.Equal(CchcPortal.Web.Infrastructure.Backup.BackupExitCodes.OtherDatabase, restore.ExitCode);
        Assert.False(Directory.Exists(target));
        Directory.Delete(dataPath, recursive: true);
    }

    [Fact]
    public async Task Two_nodes_starting_at_once_on_an_empty_PostgreSQL_database_migrate_and_seed_it_once()
    {
        var name = $"nodes_{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSQL", // the name is case-insensitive
            ["Database:ConnectionString"] = PostgresCluster.ConnectionString(name),
        };
        using var a = new PortalFactory(settings: settings);
        using var b = new PortalFactory(settings: settings);
        try
        {
            await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));
            Assert.Equal(HttpStatusCode.OK, (await a.Anonymous().GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.Anonymous().GetAsync("/healthz")).StatusCode);
            using var scope = b.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True(db.Database.IsNpgsql());
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().GetUsersInRoleAsync(PortalRoles.Administrator)).Count);
            Assert.Equal(PortalRoles.All.Count(), await db.Roles.CountAsync());
            Assert.Equal(await db.SeedRecords.Select(r => r.Key).Distinct().CountAsync(), await db.SeedRecords.CountAsync());
            Assert.Equal(6, await db.Categories.CountAsync());
            // Signed in on node A, the same database serves node B's sign-in too.
            await a.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await b.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        }
        finally
        {
            a.Dispose();
            b.Dispose();
            Npgsql.NpgsqlConnection.ClearAllPools();
            PostgresCluster.Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}
