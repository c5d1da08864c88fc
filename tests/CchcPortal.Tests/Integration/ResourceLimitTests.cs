using CchcPortal.Core.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcPortal.Tests.Integration;

/// <summary>Issue 19: what bounds the server's memory, and what makes an acknowledged write durable.</summary>
public sealed class ResourceLimitTests
{
    [Fact]
    public void The_output_cache_is_bounded_by_settings_with_a_small_default()
    {
        using (var defaults = new PortalFactory())
        {
            var options = defaults.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;
            Assert.Equal(64L * 1024 * 1024, options.SizeLimit);
            Assert.Equal(4L * 1024 * 1024, options.MaximumBodySize);
        }
        using var configured = new PortalFactory(settings: new Dictionary<string, string>
        {
            ["Portal:Cache:OutputCacheMegabytes"] = "16", ["Portal:Cache:OutputCacheMaxPageMegabytes"] = "1",
        });
        var set = configured.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;
        Assert.Equal(16L * 1024 * 1024, set.SizeLimit);
        Assert.Equal(1L * 1024 * 1024, set.MaximumBodySize);
    }

    /// <summary>
    /// WAL with synchronous=FULL: a commit returns only once the WAL is on disk, so a page that acknowledged a save
    /// survives a power loss too. FULL is the default of the bundled SQLite (SQLITE_DEFAULT_WAL_SYNCHRONOUS=2); this
    /// guards it against a library or build change (docs/security.md, "Crash safety").
    /// </summary>
    [Fact]
    public async Task Commits_are_durable_wal_with_synchronous_full()
    {
        using var factory = new PortalFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        async Task<string> Pragma(string name)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync())!;
        }
        Assert.Equal("wal", await Pragma("journal_mode"));
        Assert.Equal("2", await Pragma("synchronous"));
    }
}
