using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CchcPortal.Core.Audit;

/// <summary>A value as the audit log keeps it: short values as they are, long texts (bodies, HTML) as their length and a hash.</summary>
public static class AuditValue
{
    /// <summary>Longer texts are recorded as "(N ký tự, SHA-256 …)": enough to see that and how much they changed, never a copy.</summary>
    public const int MaxCopiedText = 200;

    public static object? Shown(object? value) => value switch
    {
        string s when s.Length > MaxCopiedText => Digest(s),
        DateTime or DateTimeOffset or DateOnly or TimeOnly or Enum => Convert.ToString(value, CultureInfo.InvariantCulture),
        byte[] bytes => $"({bytes.Length.ToString("N0", CultureInfo.InvariantCulture)} byte)",
        _ => value,
    };

    /// <summary>Only the length and the start of the SHA-256 of <paramref name="text"/> (a text that may hold personal data).</summary>
    public static string? Digest(string? text) => text is null ? null :
        $"({text.Length.ToString("N0", CultureInfo.InvariantCulture)} ký tự, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]})";
}
