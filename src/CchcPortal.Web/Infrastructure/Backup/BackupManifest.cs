using System.Text.Json;
using System.Text.Json.Serialization;

namespace CchcPortal.Web.Infrastructure.Backup;

/// <summary>
/// manifest.json of a backup: what made it, and every file with its size and SHA-256, so a restore can refuse a
/// backup that changed; the row count of every table of the database snapshot, for the operator and the tests.
/// </summary>
public sealed class BackupManifest
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;

    public int Format { get; set; } = CurrentFormat;
    /// <summary>When the database snapshot was taken (UTC).</summary>
    public DateTime CreatedAt { get; set; }
    public string AppVersion { get; set; } = "";
    /// <summary>The last EF migration applied to the snapshot: a restore refuses a backup newer than the app.</summary>
    public string Migration { get; set; } = "";
    /// <summary>The database file among <see cref="Files"/>.</summary>
    public string Database { get; set; } = "";
    public List<BackupFile> Files { get; set; } = [];
    public SortedDictionary<string, long> Tables { get; set; } = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static BackupManifest Read(string path) =>
        JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json) ?? throw new JsonException("empty manifest");

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

/// <summary>A file of the backup, by its path relative to the data folder ('/' separated).</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);

/// <summary>Exit codes of `backup` and `restore` (documented in the README).</summary>
public static class BackupExitCodes
{
    public const int Usage = 2;
    public const int NotEmpty = 3;
    public const int NoDatabase = 4;
    public const int NotVerified = 5;
    public const int NewerBackup = 6;
    public const int Incomplete = 7;
    public const int OtherDatabase = 8;
}

/// <summary>A backup or restore that was refused or could not complete; the message is for the operator (Vietnamese).</summary>
public sealed class BackupRefusedException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
