using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Audit;

/// <summary>The audit log's store: an entry is appended with its changes, and the database refuses to alter or delete it.</summary>
public class AuditLogStoreTests
{
    [Fact]
    public async Task An_entry_is_appended_and_can_be_neither_changed_nor_deleted()
    {
        using var factory = new PortalFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await log.RecordAsync(AuditActions.SettingsChanged, "SiteSettings:1", "Đổi tên cổng",
                new AuditChanges().Field("SiteName", "Cũ", "Mới").Field("Unchanged", 1, 1));
        }

        using var check = factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SettingsChanged);
        Assert.Equal("system", entry.UserName);
        Assert.Equal("SiteSettings:1", entry.Target);
        Assert.Equal("""{"SiteName":{"before":"Cũ","after":"Mới"}}""", entry.Changes);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, entry.At);

        var update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Summary = 'sửa'"));
        Assert.Contains("append-only", update.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));
        Assert.Equal("Đổi tên cổng", (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id)).Summary);
    }
}
