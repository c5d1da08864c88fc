using System.Collections.Concurrent;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// A change recorded through <see cref="ChangeFeed"/> is saved with its row and announced only after the commit;
/// a failed save writes no row and announces nothing. A probe listener sees each notice and counts, from a fresh
/// context, the rows committed for it at that moment.
/// </summary>
public sealed class ChangeFeedTests(ChangeFeedTests.Fixture fixture) : IClassFixture<ChangeFeedTests.Fixture>
{
    /// <summary>A kind no search source, citation or cache tag knows: listeners only pass it on.</summary>
    private const string Kind = "feed-test";

    public sealed record Heard(ContentChangeNotice Notice, int CommittedRows);

    public sealed class Probe(IServiceScopeFactory scopes, Fixture fixture) : IContentChangeListener
    {
        public async Task OnChangedAsync(ContentChangeNotice notice, CancellationToken ct)
        {
            if (notice.Kind != Kind) return;
            using var scope = scopes.CreateScope();
            var rows = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ContentChanges
                .CountAsync(c => c.Kind == Kind && c.EntityId == notice.EntityId, ct);
            fixture.Heard.Enqueue(new Heard(notice, rows));
        }
    }

    public sealed class Fixture : IDisposable
    {
        public ConcurrentQueue<Heard> Heard { get; } = new();
        public PortalFactory Factory { get; }

        public Fixture() => Factory = new PortalFactory(services: s =>
        {
            s.AddSingleton(this);
            s.AddScoped<IContentChangeListener, Probe>();
        });

        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory Factory => fixture.Factory;

    private List<Heard> HeardOf(int entityId) => fixture.Heard.Where(h => h.Notice.EntityId == entityId).ToList();

    private async Task<int> CommittedRowsAsync(int entityId)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ContentChanges.CountAsync(c => c.Kind == Kind && c.EntityId == entityId);
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_row_and_announces_nothing_even_when_the_context_is_saved_again()
    {
        const int entityId = 910_001;
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<ChangeFeed>();
        db.Tags.Add(new Tag { Name = "Nhãn trùng", Slug = "nhan-trung-feed" });
        await db.SaveChangesAsync();

        feed.Record(Kind, entityId, ChangeOperation.Upsert, "update");
        var duplicate = db.Tags.Add(new Tag { Name = "Nhãn trùng 2", Slug = "nhan-trung-feed" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Empty(HeardOf(entityId));
        Assert.Equal(0, await CommittedRowsAsync(entityId));

        // The failed change was dropped: the next successful save of the same context does not carry it.
        duplicate.State = EntityState.Detached;
        db.Tags.Add(new Tag { Name = "Nhãn khác", Slug = "nhan-khac-feed" });
        await db.SaveChangesAsync();
        Assert.Empty(HeardOf(entityId));
        Assert.Equal(0, await CommittedRowsAsync(entityId));
    }

    [Fact]
    public async Task A_successful_save_writes_the_row_and_announces_it_once_after_the_commit()
    {
        const int entityId = 910_002;
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<ChangeFeed>();

        feed.Record(Kind, entityId, ChangeOperation.Delete, "delete");
        Assert.Empty(HeardOf(entityId));
        await db.SaveChangesAsync();

        var heard = Assert.Single(HeardOf(entityId));
        Assert.Equal(new ContentChangeNotice(Kind, entityId, "delete"), heard.Notice);
        Assert.Equal(1, heard.CommittedRows);
        var row = await db.ContentChanges.AsNoTracking().SingleAsync(c => c.Kind == Kind && c.EntityId == entityId);
        Assert.Equal(ChangeOperation.Delete, row.Operation);
        Assert.Equal(Factory.Clock.GetUtcNow().UtcDateTime, row.At);

        // A later save of the same context announces nothing again.
        db.Tags.Add(new Tag { Name = "Nhãn sau", Slug = "nhan-sau-feed" });
        await db.SaveChangesAsync();
        Assert.Single(HeardOf(entityId));
    }

    [Fact]
    public async Task In_the_feeds_transaction_the_notice_waits_for_the_commit()
    {
        const int entityId = 910_003;
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<ChangeFeed>();

        await using (var tx = await feed.BeginTransactionAsync())
        {
            feed.Record(Kind, entityId, ChangeOperation.Upsert, "update");
            await db.SaveChangesAsync();
            Assert.Empty(HeardOf(entityId));
            await tx.CommitAsync();
        }
        Assert.Equal(1, Assert.Single(HeardOf(entityId)).CommittedRows);

        // Rolled back: neither the row nor the notice.
        const int rolledBack = 910_004;
        await using (await feed.BeginTransactionAsync())
        {
            feed.Record(Kind, rolledBack, ChangeOperation.Upsert, "update");
            await db.SaveChangesAsync();
        }
        db.ChangeTracker.Clear();
        db.Tags.Add(new Tag { Name = "Nhãn sau giao dịch", Slug = "nhan-sau-giao-dich-feed" });
        await db.SaveChangesAsync();
        Assert.Empty(HeardOf(rolledBack));
        Assert.Equal(0, await CommittedRowsAsync(rolledBack));
    }

    [Fact]
    public async Task A_new_entity_recorded_before_its_first_save_gets_its_real_id_in_the_row_and_the_notice()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<ChangeFeed>();
        var tag = new Tag { Name = "Nhãn mới", Slug = "nhan-moi-feed" };
        db.Tags.Add(tag);
        feed.Record(Kind, tag, ChangeOperation.Upsert, "create");
        Assert.Equal(0, tag.Id);

        await db.SaveChangesAsync();

        Assert.True(tag.Id > 0);
        Assert.Equal(1, await CommittedRowsAsync(tag.Id));
        Assert.Equal(0, await CommittedRowsAsync(0));
        var heard = Assert.Single(HeardOf(tag.Id));
        Assert.Equal(new ContentChangeNotice(Kind, tag.Id, "create"), heard.Notice);
        Assert.Equal(1, heard.CommittedRows);
    }
}
