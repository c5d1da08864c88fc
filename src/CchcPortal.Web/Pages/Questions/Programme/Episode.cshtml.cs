using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcPortal.Web.Pages.Questions.Programme;

/// <summary>One published episode with the published answers given in it; the video is a link (no third-party frame).</summary>
[OutputCache(PolicyName = CachePolicies.Questions)]
public sealed class EpisodeModel(ProgrammeEpisodeQueries episodes) : PageModel
{
    public PublicEpisode Episode { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? slug, CancellationToken ct)
    {
        if (await episodes.PublishedByIdAsync(id, ct) is not { } episode) return NotFound();
        if (slug != episode.Card.Slug) return RedirectPermanent(episode.Card.Path);
        Episode = episode;
        return Page();
    }

    /// <summary>The site the video is on ("youtube.com"), so the reader knows where the link goes.</summary>
    public static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host) : "";
}
