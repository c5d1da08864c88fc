using Npgsql;

namespace CchcPortal.Data.PostgreSql;

/// <summary>
/// Lets one web node at a time run start-up work (migrations, seed, roles, first administrator): a session-level
/// advisory lock on a fixed key, held on a connection of its own. A node that dies mid-way closes that connection,
/// so PostgreSQL releases the lock and the next node goes on.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>Fixed key shared by every node of one database ("CCHC" in ASCII, then 1).</summary>
    public const long Key = 0x4343484300000001;
    // Two CREATE DATABASE at the same moment: the later one fails on pg_database's unique index, not with 42P04.
    private const string DuplicateDatabase = "42P04", UniqueViolation = "23505", MissingDatabase = "3D000";
    private readonly NpgsqlConnection _connection;

    private StartupLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Creates the database when missing (through the maintenance database `postgres`; a second node creating it at the same moment is fine), then waits for the lock.</summary>
    public static async Task<StartupLock> AcquireAsync(string connectionString, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == MissingDatabase)
        {
            await CreateDatabaseAsync(builder, ct);
            await connection.OpenAsync(ct);
        }
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
        }
        return new StartupLock(connection);
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnectionStringBuilder builder, CancellationToken ct)
    {
        var name = builder.Database!;
        var maintenance = new NpgsqlConnectionStringBuilder(builder.ToString()) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ToString());
        await connection.OpenAsync(ct);
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is DuplicateDatabase or UniqueViolation) { }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
