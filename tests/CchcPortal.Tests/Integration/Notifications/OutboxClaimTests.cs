using CchcPortal.Core.Data;
using CchcPortal.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Notifications;

/// <summary>
/// Two senders (two nodes whose work lease overlapped) and one row: the second, reading the row after the first
/// claimed it but before it was marked sent, must not send it again; a claim left by a crashed sender lapses.
/// </summary>
public class OutboxClaimTests
{
    [Fact]
    public async Task A_row_claimed_by_one_sender_is_left_alone_by_another_until_sent_or_until_the_claim_lapses()
    {
        using var factory = new PortalFactory();
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = new OutgoingEmail { To = "can-bo@test.local", Subject = "Thư thử", BodyText = "Nội dung.", Purpose = "test", CreatedAt = DateTime.UtcNow };
            db.OutgoingEmails.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        using var first = factory.Services.CreateScope();
        using var second = factory.Services.CreateScope();
        var a = first.ServiceProvider.GetRequiredService<Outbox>();
        var b = second.ServiceProvider.GetRequiredService<Outbox>();

        var readByA = (await a.PendingAsync(10, [], [])).Single(m => m.Id == id);
        Assert.True(await a.ClaimAsync(readByA));

        // The second sender reads the row as it is now (one attempt counted, not sent) and tries to claim it.
        Assert.DoesNotContain(await b.PendingAsync(10, [], []), m => m.Id == id);
        var afterClaim = await second.ServiceProvider.GetRequiredService<PortalDbContext>().OutgoingEmails.FindAsync(id);
        Assert.Equal(1, afterClaim!.Attempts);
        Assert.False(await b.ClaimAsync(afterClaim));

        // The first sender crashed mid-send: once its claim has lapsed, the row is tried again.
        factory.Clock.Advance(Outbox.ClaimLease + TimeSpan.FromSeconds(1));
        var retried = (await b.PendingAsync(10, [], [])).Single(m => m.Id == id);
        Assert.True(await b.ClaimAsync(retried));
        await b.MarkSentAsync(id);
        Assert.Empty(await a.PendingAsync(10, [], []));
    }
}
