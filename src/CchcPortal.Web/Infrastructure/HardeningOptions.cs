namespace CchcPortal.Web.Infrastructure;

/// <summary>
/// Configuration section "Portal:ReverseProxy": only requests from these addresses have their X-Forwarded-For and
/// X-Forwarded-Proto believed. Empty (the default): the headers are ignored, so no client can choose its address.
/// </summary>
public sealed class ReverseProxyOptions
{
    /// <summary>Proxy addresses, e.g. ["10.0.0.5"] (or one string, "10.0.0.5, 10.0.0.6").</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. ["10.0.0.0/24"].</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>Configuration section "Portal:DataProtection".</summary>
public sealed class DataProtectionSettings
{
    /// <summary>A PKCS#12 (.pfx) file with a private key; the keys in the keys folder are encrypted with it. Keep it outside the data folder.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The .pfx password (from the environment, Portal__DataProtection__CertificatePassword; never logged).</summary>
    public string CertificatePassword { get; set; } = "";
}
