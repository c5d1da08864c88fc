using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// Published episodes of the programme "Dân hỏi – Thủ trưởng cơ quan hành chính trả lời": topic, date, the heads
/// taking part and the summary, as the episode page shows them. The answers given on air are indexed as answers.
/// </summary>
public sealed class EpisodeSearchDocuments(PortalDbContext db) : ISearchDocumentSource
{
    public const string ProgrammeName = "Dân hỏi – Thủ trưởng cơ quan hành chính trả lời";

    public string Kind => ContentKinds.Episode;

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var q = db.ProgrammeEpisodes.AsNoTracking().Where(e => e.IsPublished);
        if (ids is not null) q = q.Where(e => EF.Parameter(ids.ToArray()).Contains(e.Id));
        return (await q.ToListAsync(ct)).Select(e =>
        {
            var participants = e.Participants.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new SearchDocument
            {
                Key = SearchDocument.KeyOf(Kind, e.Id),
                Kind = Kind,
                Title = e.Topic,
                Summary = $"Chương trình ngày {ProgrammeEpisodeQueries.DateText(e.AiredOn)}" + (participants.Length > 0 ? ": " + string.Join("; ", participants) : ""),
                Keywords = ProgrammeName,
                Body = HtmlText.ToPlainText(e.SummaryHtml) + " " + string.Join(" ", participants),
                Url = PublicPaths.Episode(e.Id, ProgrammeEpisodeQueries.SlugOf(e.Topic)),
                Date = e.AiredOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                Years = [e.AiredOn.Year],
            };
        }).ToList();
    }
}
