namespace CchcPortal.Core.AntiSpam;

/// <summary>
/// The secret and the difficulty of the anti-spam checks. The host fills it from configuration
/// (Portal:AntiSpam) and a key file in the data folder.
/// </summary>
public sealed class AntiSpamSettings
{
    /// <summary>HMAC-SHA256 key that signs proof-of-work challenges and fallback questions (32 random bytes).</summary>
    public required byte[] HmacKey { get; init; }

    /// <summary>The secret number of a challenge is drawn from 0..MaxNumber: on average a browser hashes half of it.</summary>
    public int MaxNumber { get; init; } = 100_000;

    /// <summary>How long a proof-of-work challenge may be solved and used. The widget asks for it when "Gửi" is pressed.</summary>
    public TimeSpan ChallengeLifetime { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>How long the no-JavaScript question stays valid: it is printed when the form is opened, and writing takes time.</summary>
    public TimeSpan QuestionLifetime { get; init; } = TimeSpan.FromHours(3);
}
