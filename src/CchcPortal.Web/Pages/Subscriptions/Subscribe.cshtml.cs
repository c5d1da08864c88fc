using CchcPortal.Core.AntiSpam;
using CchcPortal.Core.Subscriptions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcPortal.Web.Pages.Subscriptions;

/// <summary>
/// The subscribe form of one topic: address and frequency only. Anti-spam as on the question form; then the same
/// "check your mail" page whatever the address's state (post/redirect/get).
/// </summary>
[EnableRateLimiting(PortalServiceExtensions.PublicPostLimit)]
[StripsNulFromForm]
public sealed class SubscribeModel(SubscriptionService subscriptions, SubscriptionTopics topics, AntiSpamGuard guard, HumanQuestion humanQuestion) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "loai")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "id")] public int TopicId { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public Frequency Frequency { get; set; } = Frequency.Immediate;
    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    [BindProperty] public string? Website { get; set; }
    [BindProperty(Name = "altcha")] public string? Altcha { get; set; }
    [BindProperty] public string? CheckToken { get; set; }
    [BindProperty] public string? CheckAnswer { get; set; }

    public TopicInfo Topic { get; private set; } = null!;
    public HumanQuestionPrompt Check { get; private set; } = null!;
    public bool CheckChanged { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindTopicAsync(ct) is not { } topic) return NotFound();
        Topic = topic;
        Check = humanQuestion.Issue();
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await FindTopicAsync(ct) is not { } topic) return NotFound();
        Topic = topic;
        Check = humanQuestion.Issue();
        if (guard.Check(new AntiSpamInput(Website, Altcha, CheckToken, CheckAnswer)) is { } rejected)
        {
            ModelState.AddModelError(rejected.AboutQuestion ? nameof(CheckAnswer) : "", rejected.Message);
            return Invalid();
        }
        if (await subscriptions.SubscribeAsync(Email, topic.Kind, topic.Id, Frequency, ct) is { } error)
        {
            ModelState.AddModelError(error.Field, error.Message);
            return Invalid();
        }
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Location = SubscriptionPaths.CheckMail;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<TopicInfo?> FindTopicAsync(CancellationToken ct) =>
        SubscriptionTopics.Parse(Kind) is { } kind ? await topics.FindAsync(kind, TopicId, ct) : null;

    private PageResult Invalid()
    {
        CheckChanged = true;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
