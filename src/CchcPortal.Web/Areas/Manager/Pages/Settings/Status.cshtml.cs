using CchcPortal.Core.Data;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Search;
using CchcPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

/// <summary>What /healthz reports, with the failing items behind it: documents the search index set aside, mail that keeps failing, the key protection.</summary>
public sealed class StatusModel(HealthCheckService health, SearchIndexFailureLog searchFailures, PortalDbContext db, TimeProvider time, KeyProtectionStatus keys)
    : ManagerPageModel
{
    public HealthReport Report { get; private set; } = null!;
    public IReadOnlyList<SearchIndexFailure> SearchFailures { get; private set; } = [];
    public IReadOnlyList<OutgoingEmail> FailingMessages { get; private set; } = [];
    public KeyProtectionStatus Keys => keys;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await health.CheckHealthAsync(ct);
        SearchFailures = await searchFailures.ListAsync(ct);
        FailingMessages = await Core.Notifications.FailingMail.Where(db.OutgoingEmails.AsNoTracking(), time.GetUtcNow().UtcDateTime)
            .OrderByDescending(m => m.Id).Take(100).ToListAsync(ct);
    }
}
