using CchcPortal.Core.Common;
using CchcPortal.Core.Questions;
using CchcPortal.Web.Infrastructure;

namespace CchcPortal.Web.Features.Questions;

/// <summary>Published answers like the title being typed on the submission form, to avoid duplicate questions.</summary>
public static class QuestionSuggestionEndpoints
{
    public const int MaxQueryLength = 300;

    /// <summary>Only public fields: title, link, answer date, agency. Never anything about the asker.</summary>
    public sealed record SuggestionDto(string Title, string Url, string AnsweredAt, string Agency);

    public static void MapQuestionSuggestionEndpoints(this IEndpointRouteBuilder app)
    {
        // Cached per query (evicted with every question change) and rate-limited per address: a keystroke costs little.
        app.MapGet("/hoi-dap/goi-y", async (string? q, ISimilarQuestionFinder finder, CancellationToken ct) =>
            {
                var text = VietnameseText.Normalize(q);
                if (text.Length > MaxQueryLength) text = text[..MaxQueryLength];
                if (text.Length < 3) return Results.Json(Array.Empty<SuggestionDto>());
                var found = await finder.FindAsync(text, 5, ct);
                return Results.Json(found.Select(s => new SuggestionDto(s.Title, s.Url, VnFormat.Date(s.AnsweredAt), s.AgencyName)));
            })
            .RequireRateLimiting(PortalServiceExtensions.PublicLookupLimit)
            .CacheOutput(CachePolicies.Questions);
    }
}
