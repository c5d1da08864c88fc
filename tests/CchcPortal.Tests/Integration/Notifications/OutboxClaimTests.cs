using CchcPortal.Core.Data;
using CchcPortal.Core.Notifications;
using CchcPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Notifications;

/// <summary>
/// Two senders (two nodes whose work lease overlapped) and one row: the second, reading the row after the first
/// claimed it but before it was marked sent, must not send it again; a claim left by a crashed sender lapses.
/// The portal's own sender runs beside the test on the same clock: the row is claimed for the whole test on that
/// clock (the clock never moves), so it leaves the row alone; a later time is another <see cref="Outbox"/>'s clock.
/// </summary>
public class OutboxClaimTests
{
    [Fact]
    public async Task A_row_claimed_by_one_sender_is_left_alone_by_another_until_sent_or_until_the_claim_lapses()
    {
        using var factory = new PortalFactory();
        var now = factory.Clock.GetUtcNow();
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            // As the first sender leaves it once its claim has counted the attempt, while it sends.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = new OutgoingEmail
            {
                To = "can-bo@test.local", Subject = "Thư thử", BodyText = "Nội dung.", Purpose = "test", CreatedAt = now.UtcDateTime,
                Attempts = 1, ClaimedUntil = (now + Outbox.ClaimLease).UtcDateTime,
            };
            db.OutgoingEmails.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        using var second = factory.Services.CreateScope();
        var secondDb = second.ServiceProvider.GetRequiredService<PortalDbContext>();
        var signal = second.ServiceProvider.GetRequiredService<OutboxSignal>();
        var b = second.ServiceProvider.GetRequiredService<Outbox>();

        // The second sender reads the row as it is now (one attempt counted, not sent) and tries to claim it.
        Assert.DoesNotContain(await b.PendingAsync(10, [], []), m => m.Id == id);
        var read = await secondDb.OutgoingEmails.FindAsync(id);
        Assert.Equal(1, read!.Attempts);
        Assert.False(await b.ClaimAsync(read));

        // The first sender crashed mid-send: once its claim has lapsed, the row is tried again, and claimed anew.
        var later = new Outbox(secondDb, new PortalClock(now + Outbox.ClaimLease + TimeSpan.FromSeconds(1)), signal);
        var retried = (await later.PendingAsync(10, [], [])).Single(m => m.Id == id);
        Assert.True(await later.ClaimAsync(retried));
        secondDb.ChangeTracker.Clear();
        Assert.Equal((now + Outbox.ClaimLease * 2 + TimeSpan.FromSeconds(1)).UtcDateTime, (await secondDb.OutgoingEmails.FindAsync(id))!.ClaimedUntil);
        Assert.False(await later.ClaimAsync(retried));
        await later.MarkSentAsync(id);
        Assert.DoesNotContain(await later.PendingAsync(10, [], []), m => m.Id == id);
    }
}
