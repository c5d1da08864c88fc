using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CchcPortal.Core.AntiSpam;

/// <summary>A question printed in the form for browsers without JavaScript, and the signed token that carries its answer.</summary>
public sealed record HumanQuestionPrompt(string Text, string Token);

public enum HumanAnswerVerdict { Valid, Missing, Wrong, Expired, Replayed, Malformed }

/// <summary>
/// The no-JavaScript alternative to the proof of work: a sum written in Vietnamese words ("mười hai cộng bảy"),
/// answered in digits. The answer is not in the page: the token holds expiry, a nonce and an HMAC of the answer,
/// so the server keeps no state until the token is spent. A token is spent by any attempt, right or wrong, so
/// guessing costs a fresh form each time (and the per-address rate limit applies).
/// </summary>
public sealed class HumanQuestion(AntiSpamSettings settings, UsedTokens used, TimeProvider time)
{
    private static readonly string[] Units = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    public HumanQuestionPrompt Issue()
    {
        var a = RandomNumberGenerator.GetInt32(11, 40);
        var b = RandomNumberGenerator.GetInt32(2, 10);
        var expires = time.GetUtcNow().Add(settings.QuestionLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var text = $"{Capitalize(InWords(a))} cộng {InWords(b)} bằng bao nhiêu?";
        return new HumanQuestionPrompt(text, $"{expires}.{nonce}.{Mac(a + b, expires, nonce)}");
    }

    public HumanAnswerVerdict Verify(string? token, string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer)) return HumanAnswerVerdict.Missing;
        var parts = (token ?? "").Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix)
            || expiresUnix > 253402300799 || parts[1].Length != 24 || parts[2].Length != 64)
            return HumanAnswerVerdict.Malformed;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        if (expiresAt <= time.GetUtcNow()) return HumanAnswerVerdict.Expired;
        if (!used.TryUse("question:" + parts[1], expiresAt)) return HumanAnswerVerdict.Replayed;
        var digits = new string(answer.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length is 0 or > 3) return HumanAnswerVerdict.Wrong;
        var expected = Mac(int.Parse(digits, CultureInfo.InvariantCulture), parts[0], parts[1]);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2]))
            ? HumanAnswerVerdict.Valid : HumanAnswerVerdict.Wrong;
    }

    /// <summary>11..99 and 0..9 as Vietnamese speak them: "mười một", "hai mươi mốt", "ba mươi lăm", "bảy".</summary>
    public static string InWords(int n)
    {
        if (n is < 0 or > 99) throw new ArgumentOutOfRangeException(nameof(n));
        if (n < 10) return Units[n];
        var (tens, unit) = (n / 10, n % 10);
        var head = tens == 1 ? "mười" : Units[tens] + " mươi";
        return unit switch
        {
            0 => head,
            1 when tens > 1 => head + " mốt",
            5 => head + " lăm",
            _ => head + " " + Units[unit],
        };
    }

    private string Mac(int answer, string expires, string nonce) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(settings.HmacKey, Encoding.UTF8.GetBytes($"question|{answer}|{expires}|{nonce}")));

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
