using System.Text;
using QRCoder;

namespace CchcPortal.Web.Features.Identity;

/// <summary>What an authenticator app needs to enrol: the otpauth:// URI drawn as an inline SVG (no script, no
/// outside request) and the key in groups of four for typing by hand.</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "Cổng CCHC";

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    public static string Grouped(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return sb.ToString().ToLowerInvariant();
    }
}
