namespace CchcPortal.Themes.Default;

/// <summary>
/// The portal's icons (the emblem of the header: wwwroot/icons, made from icon.svg) and the web app manifest that
/// lists them. /favicon.ico is in the web project's wwwroot, where browsers ask for it.
/// </summary>
public static class AppIcons
{
    public const string ThemeColor = "#8e1b1b";
    public const string BackgroundColor = "#ffffff";
    public const string ManifestPath = "/manifest.webmanifest";
    private const string Folder = "/_content/CchcPortal.Themes.Default/icons/";
    public const string Svg = Folder + "icon.svg";
    public const string Small = Folder + "icon-192.png";
    public const string Large = Folder + "icon-512.png";
    public const string AppleTouch = Folder + "apple-touch-icon.png";
}
