using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CchcPortal.Core.Questions;

/// <summary>
/// The turn to number a new case: between reading the last code and committing the insert, no other submission
/// reads it. On PostgreSQL a transaction holding a transaction-level advisory lock (several nodes share the
/// database); on SQLite, which only one node uses, a lock in this process. Without it, 16 submissions at once
/// collided on the code more than the three retries allow, and a citizen got an error.
/// </summary>
public sealed class CaseCodeTurn : IAsyncDisposable
{
    /// <summary>Any fixed number; the start-up lock of the PostgreSQL project uses another key.</summary>
    private const long LockKey = 0x43434843_00000002;
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    private readonly IDbContextTransaction? _transaction;
    private bool _released;

    private CaseCodeTurn(IDbContextTransaction? transaction) => _transaction = transaction;

    public static async Task<CaseCodeTurn> TakeAsync(PortalDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
            return new CaseCodeTurn(transaction);
        }
        await InProcess.WaitAsync(ct);
        return new CaseCodeTurn(null);
    }

    /// <summary>After the insert was saved: commits it (releasing the database lock).</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (_transaction is not null) await _transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_released) return;
        _released = true;
        if (_transaction is not null) await _transaction.DisposeAsync();
        else InProcess.Release();
    }
}
