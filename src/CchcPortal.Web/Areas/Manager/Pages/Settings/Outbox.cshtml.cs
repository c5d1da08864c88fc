using CchcPortal.Core.Audit;
using CchcPortal.Core.Notifications;
using CchcPortal.Web.Features.Notifications;

namespace CchcPortal.Web.Areas.Manager.Pages.Settings;

public sealed class OutboxModel(Outbox outbox, MailTransport transport, AuditLog audit) : ManagerPageModel
{
    public IReadOnlyList<OutgoingEmail> Messages { get; private set; } = [];
    public int Unsent { get; private set; }
    public bool UsesPickupFolder => transport.UsesPickupFolder;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Messages = await outbox.RecentAsync(100, ct);
        Unsent = await outbox.CountUnsentAsync(ct);
    }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        if (!await outbox.RetryAsync(id, ct)) return NotFound();
        await audit.RecordAsync(AuditActions.OutboxRetried, $"OutgoingEmail:{id}", $"Đưa thư số {id} vào hàng đợi gửi lại", ct: ct);
        Flash($"Đã đưa thư số {id} vào hàng đợi gửi lại.");
        return RedirectToPage();
    }
}
