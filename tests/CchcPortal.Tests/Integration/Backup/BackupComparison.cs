using System.Globalization;
using System.Security.Cryptography;
using CchcPortal.Web.Infrastructure.Backup;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CchcPortal.Tests.Integration.Backup;

/// <summary>Compares a restored data folder with a backup: every file by SHA-256, every row of every table of the model.</summary>
public static class BackupComparison
{
    public static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    /// <summary>Every file of the manifest is in <paramref name="folder"/> with its size and SHA-256.</summary>
    public static void AssertFilesMatch(BackupManifest manifest, string folder)
    {
        Assert.NotEmpty(manifest.Files);
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(folder, file.Path);
            Assert.True(File.Exists(path), $"{file.Path} missing from {folder}");
            Assert.Equal(file.Size, new FileInfo(path).Length);
            Assert.Equal(file.Sha256, Sha256(path));
        }
    }

    /// <summary>
    /// Each table of the EF model has the manifest's row count in both databases, and the same rows: by primary key,
    /// every column.
    /// </summary>
    public static void AssertRowsMatch(IModel model, BackupManifest manifest, string backupDatabase, string restoredDatabase)
    {
        var tables = model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null)
            .GroupBy(e => e.GetTableName()!).Select(g => (Table: g.Key, Key: g.First().FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToArray()))
            .ToList();
        Assert.True(tables.Count > 40, $"only {tables.Count} tables in the model");
        using var backup = Open(backupDatabase);
        using var restored = Open(restoredDatabase);
        foreach (var (table, key) in tables)
        {
            Assert.True(manifest.Tables.TryGetValue(table, out var count), $"table {table} not counted in the manifest");
            var expected = Rows(backup, table, key);
            var actual = Rows(restored, table, key);
            Assert.Equal(count, expected.Count);
            Assert.Equal(count, actual.Count);
            foreach (var (id, row) in expected)
            {
                Assert.True(actual.TryGetValue(id, out var other), $"{table} {id} missing after restore");
                Assert.Equal(row, other);
            }
        }
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static Dictionary<string, string> Rows(SqliteConnection connection, string table, string[] key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, string>();
        while (reader.Read())
        {
            var values = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => Text(reader.GetValue(i)));
            rows.Add(string.Join("|", key.Select(k => values[k])), string.Join("|", values.Select(v => $"{v.Key}={v.Value}")));
        }
        return rows;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
