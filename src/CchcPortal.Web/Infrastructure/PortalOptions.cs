namespace CchcPortal.Web.Infrastructure;

/// <summary>Configuration section "Portal". Every path has a default, so the portal runs with no configuration.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Folder for the SQLite file, media, keys (env Portal__DataPath). Default: App_Data under the content root.</summary>
    public string DataPath { get; set; } = "";

    /// <summary>Folder of the seed content. Default: the copy of content/seed next to the app.</summary>
    public string SeedPath { get; set; } = "";

    /// <summary>
    /// This node's search index (env Portal__SearchIndexPath). Default: index/ in the data folder. Several nodes never
    /// share one: each keeps its own and follows the change feed.
    /// </summary>
    public string SearchIndexPath { get; set; } = "";

    /// <summary>
    /// Files every node must see (env Portal__SharedPath): media/ (the library and its image variants under cache/) and
    /// private/ (citizens' attachments). May be a network mount. Default: the data folder.
    /// </summary>
    public string SharedPath { get; set; } = "";

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files a citizen may attach to a question, and the largest total size of them.</summary>
    public int MaxAttachments { get; set; } = 3;
    public long MaxAttachmentsBytes { get; set; } = 15 * 1024 * 1024;
    /// <summary>Proof-of-work and fallback-question settings of the public forms (Portal:AntiSpam:...).</summary>
    public AntiSpamOptions AntiSpam { get; set; } = new();

    /// <summary>The portal's public address, the base of every absolute link: pages, feeds, e-mails (env Portal__PublicBaseUrl).</summary>
    public string PublicBaseUrl { get; set; } = CchcPortal.Core.Common.PublicAddress.Default;

    /// <summary>Vietnam time (HH:mm) at which the daily overdue digest is queued.</summary>
    public string OverdueDigestTime { get; set; } = "07:30";

    /// <summary>Outgoing mail server. Without a host, messages are written as .eml files to the pickup folder.</summary>
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Requests allowed per client address (Portal:RateLimits:...).</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The TLS proxies in front of the portal (Portal:ReverseProxy:...).</summary>
    public ReverseProxyOptions ReverseProxy { get; set; } = new();

    /// <summary>Encryption of the data-protection keys at rest (Portal:DataProtection:...).</summary>
    public DataProtectionSettings DataProtection { get; set; } = new();

    /// <summary>Staff accounts (two-factor, sessions, sign-in throttling), file modes and HSTS (Portal:Security:...).</summary>
    public SecurityOptions Security { get; set; } = new();

    /// <summary>Memory the server may spend on cached pages (Portal:Cache:...).</summary>
    public CacheOptions Cache { get; set; } = new();
}

/// <summary>
/// Configuration section "Portal:Cache". Every distinct URL of an anonymous GET (query string included) is a cache
/// entry, so a scan of random URLs fills the cache up to this limit, never beyond.
/// </summary>
public sealed class CacheOptions
{
    /// <summary>Total size of the cached pages (stored compressed), in MB; the least recently used go first.</summary>
    public int OutputCacheMegabytes { get; set; } = 64;

    /// <summary>Largest single response kept in the cache, in MB; larger ones are served uncached.</summary>
    public int OutputCacheMaxPageMegabytes { get; set; } = 4;
}

/// <summary>Configuration section "Portal:Security" (docs/security.md, "Accounts: 2FA, password reset, throttling, sessions").</summary>
public sealed class SecurityOptions
{
    /// <summary>On Linux and macOS: umask 077 and the data folder chmod 0700 (files 0600) at start.</summary>
    public bool RestrictFileModes { get; set; } = true;

    /// <summary>Adds "preload" to the HSTS header: only once the domain is submitted to the browsers' preload list.</summary>
    public bool HstsPreload { get; set; }

    /// <summary>Administrators must enrol an authenticator app before using the manager. Unset: on outside Development.</summary>
    public bool? RequireTwoFactorForAdministrators { get; set; }

    /// <summary>A staff session ends after this many minutes without a request (sliding).</summary>
    public int SessionIdleMinutes { get; set; } = 120;

    /// <summary>A staff session ends this many hours after its sign-in, however active.</summary>
    public int SessionMaxHours { get; set; } = 12;

    /// <summary>Failed sign-ins per (e-mail, address) before each further attempt waits 1, 2, 4 … minutes.</summary>
    public int SignInFreeFailures { get; set; } = 5;

    /// <summary>Failed sign-ins from one address, whatever the accounts, before that address waits too.</summary>
    public int SignInAddressFreeFailures { get; set; } = 30;

    /// <summary>The longest wait the sign-in throttle imposes, in minutes.</summary>
    public int SignInMaxDelayMinutes { get; set; } = 30;
}

/// <summary>Configuration section "Portal:RateLimits": fixed windows per client address.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Public form POSTs (question form, tracking page) a minute.</summary>
    public int PublicPostsPerMinute { get; set; } = 10;

    /// <summary>Sign-in attempts in five minutes (the per-account lockout comes on top).</summary>
    public int SignInsPerFiveMinutes { get; set; } = 20;

    /// <summary>Public look-ups (title suggestions, the anti-spam challenge) a minute.</summary>
    public int LookupsPerMinute { get; set; } = 60;
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

/// <summary>Configuration section "Portal:Smtp".</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Sender, "address" or "Name &lt;address&gt;".</summary>
    public string From { get; set; } = "Cổng thông tin CCHC <no-reply@localhost>";
    /// <summary>TLS: on connect for port 465, STARTTLS otherwise. Off: plain SMTP (a relay on the local network).</summary>
    public bool EnableSsl { get; set; }
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
        SharedPath = string.IsNullOrWhiteSpace(options.SharedPath) ? DataPath : Path.GetFullPath(Path.Combine(contentRoot, options.SharedPath));
        SearchIndexPath = string.IsNullOrWhiteSpace(options.SearchIndexPath)
            ? Path.Combine(DataPath, "index")
            : Path.GetFullPath(Path.Combine(contentRoot, options.SearchIndexPath));
        Directory.CreateDirectory(DataPath);
        Directory.CreateDirectory(MediaPath);
    }

    public string DataPath { get; }
    public string SeedPath { get; }
    /// <summary>The root of media/ and private/, which every node sees (the data folder unless Portal:SharedPath is set).</summary>
    public string SharedPath { get; }
    public string SearchIndexPath { get; }
    public string DatabaseFile => Path.Combine(DataPath, "cchcportal.db");
    public string MediaPath => Path.Combine(SharedPath, "media");
    /// <summary>Files never served as static files: citizens' attachments, downloadable only by case handlers.</summary>
    public string PrivatePath => Path.Combine(SharedPath, "private");
    /// <summary>Resized images, made again on request: shared, so a variant is made once for all nodes.</summary>
    public string VariantCachePath => Path.Combine(SharedPath, "cache", "variants");
    public string KeysPath => Path.Combine(DataPath, "keys");
    public string AntiSpamKeyFile => Path.Combine(DataPath, "antispam.key");
    /// <summary>Where e-mails are written as .eml files when no SMTP host is configured.</summary>
    public string MailPickupPath => Path.Combine(DataPath, "mail-pickup");
}
