using CchcPortal.Core.Questions;

namespace CchcPortal.Web.Areas.Manager.Pages.Questions.Programme;

/// <summary>Every episode of the programme, published or not, newest first.</summary>
public sealed class IndexModel(ProgrammeEpisodeQueries episodes) : ManagerPageModel
{
    public IReadOnlyList<EpisodeRow> Episodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Episodes = await episodes.AllAsync(ct);
}
