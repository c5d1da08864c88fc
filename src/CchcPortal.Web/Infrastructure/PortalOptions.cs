namespace CchcPortal.Web.Infrastructure;

/// <summary>Configuration section "Portal". Every path has a default, so the portal runs with no configuration.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Folder for the SQLite file, media, keys (env Portal__DataPath). Default: App_Data under the content root.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>Folder of the seed content. Default: the copy of content/seed next to the app.</summary>
    public string SeedPath { get; set; } = "";

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files a citizen may attach to a question, and the largest total size of them.</summary>
    public int MaxAttachments { get; set; } = 3;
    public long MaxAttachmentsBytes { get; set; } = 15 * 1024 * 1024;
    /// <summary>Proof-of-work and fallback-question settings of the public forms (Portal:AntiSpam:...).</summary>
    public AntiSpamOptions AntiSpam { get; set; } = new();
}

public sealed class AntiSpamOptions
{
    /// <summary>Largest secret number of a challenge: a browser hashes about half of it (100,000: about a second on a phone).</summary>
    public int MaxNumber { get; set; } = 100_000;

    /// <summary>Minutes a proof-of-work challenge stays valid after the widget fetched it.</summary>
    public int ChallengeMinutes { get; set; } = 20;

    /// <summary>Base64 HMAC key; several nodes must share one. Empty: generated once into the data folder (antispam.key).</summary>
    public string HmacKey { get; set; } = "";
}

/// <summary>The resolved, absolute folders the portal works in.</summary>
public sealed class PortalPaths
{
    public PortalPaths(PortalOptions options, string contentRoot)
    {
        DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(options.DataPath)
            ? Path.Combine(contentRoot, "App_Data")
            : Path.Combine(contentRoot, options.DataPath));
        SeedPath = Path.GetFullPath(string.IsNullOrWhiteSpace(options.SeedPath)
            ? Path.Combine(AppContext.BaseDirectory, "seed")
            : Path.Combine(contentRoot, options.SeedPath));
        Directory.CreateDirectory(DataPath);
        Directory.CreateDirectory(MediaPath);
    }

    public string DataPath { get; }
    public string SeedPath { get; }
    public string DatabaseFile => Path.Combine(DataPath, "cchcportal.db");
    public string MediaPath => Path.Combine(DataPath, "media");
    /// <summary>Files never served as static files: citizens' attachments, downloadable only by case handlers.</summary>
    public string PrivatePath => Path.Combine(DataPath, "private");
    public string KeysPath => Path.Combine(DataPath, "keys");
    public string AntiSpamKeyFile => Path.Combine(DataPath, "antispam.key");
}
