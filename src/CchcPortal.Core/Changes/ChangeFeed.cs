using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CchcPortal.Core.Changes;

/// <summary>
/// The one way to record a content change. <see cref="Record(string, int, ChangeOperation, string)"/> adds the
/// <see cref="ContentChange"/> row to the unit of work and remembers the <see cref="ContentChangeNotice"/>: the next
/// SaveChanges writes the row, and the notice is published once that save has committed
/// (<see cref="ChangeFeedInterceptor"/>); a failed save writes neither. An entity recorded before its first save
/// gets its row once the insert gave it an id, in the same transaction.
/// </summary>
/// <remarks>
/// A save inside <see cref="BeginTransactionAsync"/> publishes at the commit. A save inside a transaction begun
/// elsewhere (the seeder's steps) publishes at the end of the save, and the listeners' own writes join it.
/// </remarks>
public sealed class ChangeFeed
{
    private sealed record Notice(string Kind, int EntityId, object? Entity, string What);

    private readonly PortalDbContext _db;
    private readonly TimeProvider _time;
    private readonly ContentChangeBroadcaster _broadcaster;
    /// <summary>Rows in the context since the last save, taken out again if it fails.</summary>
    private readonly List<ContentChange> _rows = [];
    /// <summary>Rows of entities without an id yet, added once the insert gave them one.</summary>
    private readonly List<(ContentChange Row, object Entity)> _rowsOfNew = [];
    private readonly List<Notice> _unsaved = [];
    private readonly List<ContentChangeNotice> _uncommitted = [];
    private IDbContextTransaction? _transaction;

    public ChangeFeed(PortalDbContext db, TimeProvider time, ContentChangeBroadcaster broadcaster, ChangeFeedInterceptor interceptor)
    {
        _db = db;
        _time = time;
        _broadcaster = broadcaster;
        interceptor.Attach(db, this);
    }

    /// <summary>True while the feed itself saves (the two steps of <see cref="SaveWithIdsAsync"/>).</summary>
    internal bool Saving { get; private set; }

    internal bool HasRowsOfNew => _rowsOfNew.Count > 0;

    internal bool HasPending => _rows.Count > 0 || _rowsOfNew.Count > 0 || _unsaved.Count > 0;

    /// <summary>A change and its notice (<paramref name="what"/> tells listeners what happened: "update", "import" ...).</summary>
    public void Record(string kind, int entityId, ChangeOperation operation, string what)
    {
        RecordRow(kind, entityId, operation);
        Announce(kind, entityId, what);
    }

    /// <summary>A change of <paramref name="entity"/>, which may still be waiting for its id (a new post).</summary>
    public void Record<TEntity>(string kind, TEntity entity, ChangeOperation operation, string what) where TEntity : class
    {
        RecordRow(kind, entity, operation);
        Announce(kind, entity, what);
    }

    /// <summary>A row without a notice of its own: an item of a bulk change announced once, or one only the search index replays.</summary>
    public void RecordRow(string kind, int entityId, ChangeOperation operation)
    {
        var row = NewRow(kind, entityId, operation);
        _db.ContentChanges.Add(row);
        _rows.Add(row);
    }

    /// <inheritdoc cref="RecordRow(string, int, ChangeOperation)"/>
    public void RecordRow<TEntity>(string kind, TEntity entity, ChangeOperation operation) where TEntity : class
    {
        if (IdOf(entity) is > 0 and var id) RecordRow(kind, id, operation);
        else _rowsOfNew.Add((NewRow(kind, 0, operation), entity));
    }

    /// <summary>A notice without a row: a bulk change (<paramref name="entityId"/> 0), or settings the search index does not hold.</summary>
    public void Announce(string kind, int entityId, string what) => _unsaved.Add(new Notice(kind, entityId, null, what));

    /// <inheritdoc cref="Announce(string, int, string)"/>
    public void Announce<TEntity>(string kind, TEntity entity, string what) where TEntity : class =>
        _unsaved.Add(new Notice(kind, 0, entity, what));

    /// <summary>
    /// A transaction for work that needs more than one save or a bulk statement: the notices of its saves are
    /// published after <see cref="ChangeFeedTransaction.CommitAsync"/>, dropped if it ends without one.
    /// </summary>
    public async Task<ChangeFeedTransaction> BeginTransactionAsync(CancellationToken ct = default)
    {
        _transaction = await _db.Database.BeginTransactionAsync(ct);
        return new ChangeFeedTransaction(this, _transaction);
    }

    /// <summary>Saves the entities, then the rows of the new ones with their ids, in one transaction.</summary>
    internal async Task<int> SaveWithIdsAsync(CancellationToken ct)
    {
        Saving = true;
        var own = _db.Database.CurrentTransaction is null ? await _db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var saved = await _db.SaveChangesAsync(ct);
            foreach (var (row, entity) in _rowsOfNew)
            {
                row.EntityId = IdOf(entity);
                _db.ContentChanges.Add(row);
                _rows.Add(row);
            }
            _rowsOfNew.Clear();
            saved += await _db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return saved;
        }
        catch
        {
            Drop();
            throw;
        }
        finally
        {
            Saving = false;
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>After a successful save: its notices go out now, or at the commit of this feed's transaction.</summary>
    internal async Task SavedAsync(CancellationToken ct)
    {
        _rows.Clear();
        if (_unsaved.Count == 0) return;
        var notices = _unsaved.Select(n => new ContentChangeNotice(n.Kind, n.Entity is null ? n.EntityId : IdOf(n.Entity), n.What)).ToList();
        _unsaved.Clear();
        if (_transaction is not null && _db.Database.CurrentTransaction == _transaction) _uncommitted.AddRange(notices);
        else await PublishAsync(notices, ct);
    }

    /// <summary>After a failed save: its rows leave the context and its notices are forgotten.</summary>
    internal void Drop()
    {
        foreach (var row in _rows.Where(r => _db.Entry(r).State == EntityState.Added))
            _db.Entry(row).State = EntityState.Detached;
        _rows.Clear();
        _rowsOfNew.Clear();
        _unsaved.Clear();
    }

    internal Task CommittedAsync(CancellationToken ct)
    {
        _transaction = null;
        var notices = _uncommitted.ToList();
        _uncommitted.Clear();
        return PublishAsync(notices, ct);
    }

    internal void Abandoned()
    {
        _transaction = null;
        _uncommitted.Clear();
    }

    private async Task PublishAsync(List<ContentChangeNotice> notices, CancellationToken ct)
    {
        foreach (var notice in notices) await _broadcaster.PublishAsync(notice, ct);
    }

    private ContentChange NewRow(string kind, int entityId, ChangeOperation operation) =>
        new() { Kind = kind, EntityId = entityId, Operation = operation, At = _time.GetUtcNow().UtcDateTime };

    private int IdOf(object entity) => (int)_db.Entry(entity).Property("Id").CurrentValue!;
}

/// <summary>A transaction begun by <see cref="ChangeFeed.BeginTransactionAsync"/>: committing it publishes the notices of its saves.</summary>
public sealed class ChangeFeedTransaction(ChangeFeed feed, IDbContextTransaction transaction) : IAsyncDisposable
{
    private bool _committed;

    public async Task CommitAsync(CancellationToken ct = default)
    {
        await transaction.CommitAsync(ct);
        _committed = true;
        await feed.CommittedAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (!_committed) feed.Abandoned();
    }
}
