using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CchcPortal.Core.AntiSpam;
using CchcPortal.Tests.Integration;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;

namespace CchcPortal.Tests.Unit;

public class AntiSpamTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));
    private readonly AntiSpamSettings _settings = new() { HmacKey = Key, MaxNumber = 500, ChallengeLifetime = TimeSpan.FromMinutes(20) };

    private (ProofOfWork Pow, HumanQuestion Question) Create()
    {
        var used = new UsedTokens(new MemoryCache(new MemoryCacheOptions()), _clock);
        return (new ProofOfWork(_settings, used, _clock), new HumanQuestion(_settings, used, _clock));
    }

    private static JsonObject AsJson(PowChallenge c) => new()
    {
        ["algorithm"] = c.Algorithm, ["challenge"] = c.Challenge, ["maxnumber"] = c.MaxNumber, ["salt"] = c.Salt, ["signature"] = c.Signature,
    };

    [Fact]
    public void A_challenge_is_altcha_shaped_and_its_solution_is_accepted_once()
    {
        var (pow, _) = Create();
        var challenge = pow.Issue();
        Assert.Equal("SHA-256", challenge.Algorithm);
        Assert.Equal(500, challenge.MaxNumber);
        var expires = _clock.GetUtcNow().AddMinutes(20).ToUnixTimeSeconds();
        Assert.Matches($@"^[0-9a-f]{{24}}\?expires={expires}&$", challenge.Salt);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(challenge.Challenge))), challenge.Signature);

        var payload = AltchaTestClient.Solve(AsJson(challenge));
        Assert.Equal(PowVerdict.Valid, pow.Verify(payload));
        Assert.Equal(PowVerdict.Replayed, pow.Verify(payload));
    }

    [Fact]
    public void Tampered_wrong_expired_and_malformed_payloads_are_refused()
    {
        var (pow, _) = Create();
        var json = AltchaTestClient.Decode(AltchaTestClient.Solve(AsJson(pow.Issue())));

        var tampered = json.DeepClone().AsObject();
        var sig = (string)tampered["signature"]!;
        tampered["signature"] = (sig[0] == '0' ? "1" : "0") + sig[1..];
        Assert.Equal(PowVerdict.BadSignature, pow.Verify(AltchaTestClient.Payload(tampered)));

        var wrongNumber = json.DeepClone().AsObject();
        wrongNumber["number"] = (int)json["number"]! + 1;
        Assert.Equal(PowVerdict.WrongSolution, pow.Verify(AltchaTestClient.Payload(wrongNumber)));

        var otherAlgorithm = json.DeepClone().AsObject();
        otherAlgorithm["algorithm"] = "SHA-1";
        Assert.Equal(PowVerdict.WrongAlgorithm, pow.Verify(AltchaTestClient.Payload(otherAlgorithm)));

        Assert.Equal(PowVerdict.Missing, pow.Verify(""));
        Assert.Equal(PowVerdict.Malformed, pow.Verify("không phải base64"));
        Assert.Equal(PowVerdict.Malformed, pow.Verify(Convert.ToBase64String("{\"algorithm\":\"SHA-256\"}"u8.ToArray())));

        _clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal(PowVerdict.Expired, pow.Verify(AltchaTestClient.Payload(json)));
    }

    [Fact]
    public void A_signed_challenge_over_a_salt_of_another_shape_is_refused()
    {
        // Without the closing "&", digits of "expires" and of the number could be regrouped into a later expiry.
        var (pow, _) = Create();
        var salt = "0123456789abcdef01234567?expires=9999999999";
        var challenge = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "7")));
        var payload = new JsonObject
        {
            ["algorithm"] = "SHA-256", ["challenge"] = challenge, ["number"] = 7, ["salt"] = salt,
            ["signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(challenge))),
        };
        Assert.Equal(PowVerdict.Malformed, pow.Verify(AltchaTestClient.Payload(payload)));
    }

    [Theory]
    [InlineData(7, "bảy")]
    [InlineData(11, "mười một")]
    [InlineData(15, "mười lăm")]
    [InlineData(20, "hai mươi")]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(35, "ba mươi lăm")]
    [InlineData(39, "ba mươi chín")]
    public void Numbers_are_written_as_spoken(int n, string words) => Assert.Equal(words, HumanQuestion.InWords(n));

    [Fact]
    public void The_printed_question_accepts_the_right_answer_once_and_spends_wrong_ones()
    {
        var (_, question) = Create();
        var prompt = question.Issue();
        Assert.Matches("^[A-ZĐ][^ ]* .* cộng .* bằng bao nhiêu\\?$", prompt.Text);
        Assert.Equal(HumanAnswerVerdict.Valid, question.Verify(prompt.Token, $" {HumanQuestionParser.Answer(prompt.Text)} "));
        Assert.Equal(HumanAnswerVerdict.Replayed, question.Verify(prompt.Token, HumanQuestionParser.Answer(prompt.Text).ToString()));

        var second = question.Issue();
        Assert.Equal(HumanAnswerVerdict.Wrong, question.Verify(second.Token, (HumanQuestionParser.Answer(second.Text) + 1).ToString()));
        Assert.Equal(HumanAnswerVerdict.Replayed, question.Verify(second.Token, HumanQuestionParser.Answer(second.Text).ToString()));

        var third = question.Issue();
        Assert.Equal(HumanAnswerVerdict.Missing, question.Verify(third.Token, " "));
        Assert.Equal(HumanAnswerVerdict.Malformed, question.Verify("1.2.3", "12"));
        _clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(HumanAnswerVerdict.Expired, question.Verify(third.Token, HumanQuestionParser.Answer(third.Text).ToString()));
    }

    [Fact]
    public void The_guard_checks_the_honeypot_first_then_the_proof_of_work_or_the_question()
    {
        var (pow, question) = Create();
        var guard = new AntiSpamGuard(pow, question);
        var solved = AltchaTestClient.Solve(AsJson(pow.Issue()));
        Assert.Equal(AntiSpamGuard.HoneypotMessage, guard.Check(new AntiSpamInput("http://spam", solved, null, null))!.Message);
        Assert.Null(guard.Check(new AntiSpamInput(null, solved, null, null)));
        Assert.Contains("đã được dùng", guard.Check(new AntiSpamInput(null, solved, null, null))!.Message);
        var missing = guard.Check(new AntiSpamInput(null, null, null, null))!;
        Assert.Contains("Chưa xác minh chống thư rác", missing.Message);
        Assert.True(missing.AboutQuestion);
        var prompt = question.Issue();
        Assert.Null(guard.Check(new AntiSpamInput("", "", prompt.Token, HumanQuestionParser.Answer(prompt.Text).ToString())));
    }
}

/// <summary>Reads "Mười hai cộng bảy bằng bao nhiêu?" back into 19, as a person would.</summary>
public static class HumanQuestionParser
{
    private static readonly Dictionary<string, int> Numbers =
        Enumerable.Range(0, 100).ToDictionary(n => HumanQuestion.InWords(n), n => n);

    public static int Answer(string question)
    {
        var sum = question.Replace(" bằng bao nhiêu?", "").ToLowerInvariant().Split(" cộng ");
        return sum.Sum(words => Numbers[words.Trim()]);
    }
}
