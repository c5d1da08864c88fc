using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CchcPortal.Core.AntiSpam;

/// <summary>An ALTCHA challenge (the v1 format the widget accepts): find n with SHA-256(salt + n) = challenge.</summary>
public sealed record PowChallenge(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("challenge")] string Challenge,
    [property: JsonPropertyName("maxnumber")] int MaxNumber,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("signature")] string Signature);

public enum PowVerdict { Valid, Missing, Malformed, WrongAlgorithm, BadSignature, WrongSolution, Expired, Replayed }

/// <summary>
/// Issues and verifies ALTCHA-compatible proof-of-work challenges, entirely on our server (no third-party service).
/// The challenge is SHA-256(salt + secret number), signed with HMAC-SHA256; the salt carries its expiry
/// (<c>?expires=unix seconds</c>), so the signature covers it through the hash. The salt ends with "&amp;" so the digits
/// of "expires" cannot be spliced with the digits of the number to forge a later expiry.
/// </summary>
public sealed partial class ProofOfWork(AntiSpamSettings settings, UsedTokens used, TimeProvider time)
{
    public const string Algorithm = "SHA-256";

    [GeneratedRegex(@"^[0-9a-f]{24}\?expires=(\d{1,12})&$")] private static partial Regex SaltPattern();
    [GeneratedRegex("^[0-9a-f]{64}$")] private static partial Regex HexPattern();

    public PowChallenge Issue()
    {
        var expires = time.GetUtcNow().Add(settings.ChallengeLifetime).ToUnixTimeSeconds();
        var salt = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}?expires={expires}&";
        var number = RandomNumberGenerator.GetInt32(0, settings.MaxNumber + 1);
        var challenge = Sha256Hex(salt + number.ToString(CultureInfo.InvariantCulture));
        return new PowChallenge(Algorithm, challenge, settings.MaxNumber, salt, Sign(challenge));
    }

    /// <summary>Checks the base64 JSON the widget posts in the "altcha" field and, when valid, spends it.</summary>
    public PowVerdict Verify(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload)) return PowVerdict.Missing;
        Payload? p;
        try
        {
            p = JsonSerializer.Deserialize<Payload>(Convert.FromBase64String(payload.Trim()));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return PowVerdict.Malformed;
        }
        if (p is null || p.Challenge is null || p.Salt is null || p.Signature is null || p.Number is not { } number || number < 0)
            return PowVerdict.Malformed;
        if (p.Algorithm != Algorithm) return PowVerdict.WrongAlgorithm;
        if (!HexPattern().IsMatch(p.Challenge) || !HexPattern().IsMatch(p.Signature)) return PowVerdict.Malformed;
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(p.Signature), Convert.FromHexString(Sign(p.Challenge))))
            return PowVerdict.BadSignature;
        if (Sha256Hex(p.Salt + number.ToString(CultureInfo.InvariantCulture)) != p.Challenge) return PowVerdict.WrongSolution;
        // Only our own salts carry a signed challenge, so a salt of another shape is a forgery.
        var match = SaltPattern().Match(p.Salt);
        if (!match.Success) return PowVerdict.Malformed;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        if (expiresAt <= time.GetUtcNow()) return PowVerdict.Expired;
        return used.TryUse("pow:" + p.Challenge, expiresAt) ? PowVerdict.Valid : PowVerdict.Replayed;
    }

    private string Sign(string challenge) => Convert.ToHexStringLower(HMACSHA256.HashData(settings.HmacKey, Encoding.UTF8.GetBytes(challenge)));

    internal static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Payload(
        [property: JsonPropertyName("algorithm")] string? Algorithm,
        [property: JsonPropertyName("challenge")] string? Challenge,
        [property: JsonPropertyName("number")] long? Number,
        [property: JsonPropertyName("salt")] string? Salt,
        [property: JsonPropertyName("signature")] string? Signature);
}
