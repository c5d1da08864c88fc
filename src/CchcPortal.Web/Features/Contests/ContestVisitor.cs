using CchcPortal.Core.Contests;

namespace CchcPortal.Web.Features.Contests;

/// <summary>The participant of the requesting device in the contest of <paramref name="slug"/>, for the attempt and result pages.</summary>
public sealed class ContestVisitor(ContestParticipation participation, ContestDevice device)
{
    public async Task<ContestParticipant?> ParticipantAsync(HttpContext http, string slug, CancellationToken ct)
    {
        if (device.Read(http) is not { } deviceId || await participation.PublishedAsync(slug, ct) is not { } contest) return null;
        return await participation.ParticipantAsync(contest.Id, deviceId, ct);
    }
}
