using System.Text;
using CchcPortal.Core.Common;
using CchcPortal.Core.Notifications;

namespace CchcPortal.Core.Subscriptions;

/// <summary>The texts of the follow-by-e-mail messages. Every message to a subscriber ends with the two links to leave.</summary>
public sealed class SubscriptionMail(ISubscriptionLinks links, string siteName)
{
    public const string ConfirmPurpose = "subscription-confirm";
    public const string ItemPurpose = "subscription-item";
    public const string DigestPurpose = "subscription-digest";

    public static string ItemKey(int subscriptionId, int itemId) => $"follow:{subscriptionId}:{itemId}";
    public static string DigestKey(int subscriptionId, DateOnly day) => $"follow-daily:{subscriptionId}:{day:yyyy-MM-dd}";

    public OutgoingEmail Confirmation(string email, TopicInfo topic, Frequency frequency, string token, DateTime expiresAt, DateTime now)
    {
        var body = new StringBuilder()
            .AppendLine("Xin chào,").AppendLine()
            .AppendLine($"Có người (có thể là bạn) đã đăng ký địa chỉ này để nhận thư của {siteName} về:")
            .AppendLine($"  {topic.KindText}: {topic.Name}")
            .AppendLine($"  Tần suất: {FrequencyText(frequency)}").AppendLine()
            .AppendLine("Để bắt đầu nhận thư, hãy mở liên kết sau và bấm “Xác nhận”:")
            .AppendLine(links.Confirm(token)).AppendLine()
            .AppendLine($"Liên kết dùng được một lần, đến {VnFormat.DateTime(expiresAt)}. Nếu bạn không đăng ký, hãy bỏ qua thư này: " +
                        "không có thư nào khác được gửi tới bạn và địa chỉ sẽ tự động bị xóa.")
            .ToString();
        return new OutgoingEmail { To = email, Subject = $"Xác nhận đăng ký nhận tin: {Cut(topic.Name, 200)}", BodyText = body, Purpose = ConfirmPurpose, CreatedAt = now };
    }

    public OutgoingEmail Item(Subscription s, TopicInfo topic, SubscriptionItem item, DateTime now)
    {
        var body = new StringBuilder().AppendLine(item.Title);
        if (item.Summary.Length > 0) body.AppendLine().AppendLine(item.Summary);
        body.AppendLine().AppendLine($"Xem chi tiết: {links.Absolute(item.Path)}");
        var subject = topic.Kind == TopicKind.Procedure ? $"Thủ tục thay đổi: {item.Title}" : $"[{topic.Name}] {item.Title}";
        return Message(s, topic, Cut(subject, 300), body, ItemPurpose, ItemKey(s.Id, item.Id), now);
    }

    public OutgoingEmail Digest(Subscription s, TopicInfo topic, DateOnly day, IReadOnlyList<SubscriptionItem> items, DateTime now)
    {
        var body = new StringBuilder().AppendLine($"{topic.KindText}: {topic.Name}").AppendLine($"Có {items.Count} mục mới:").AppendLine();
        var n = 0;
        foreach (var item in items)
        {
            body.AppendLine($"{++n}. {item.Title}");
            if (item.Summary.Length > 0) body.AppendLine($"   {item.Summary.Replace("\n", "\n   ")}");
            body.AppendLine($"   {links.Absolute(item.Path)}").AppendLine();
        }
        var subject = $"Bản tin ngày {day:dd/MM/yyyy}: {topic.Name} ({items.Count} mục)";
        return Message(s, topic, Cut(subject, 300), body, DigestPurpose, DigestKey(s.Id, day), now);
    }

    private OutgoingEmail Message(Subscription s, TopicInfo topic, string subject, StringBuilder body, string purpose, string key, DateTime now)
    {
        var unsubscribe = links.Unsubscribe(s.Id);
        body.AppendLine("--")
            .AppendLine($"Bạn nhận thư này vì đã đăng ký theo dõi “{topic.Name}” ({FrequencyText(s.Frequency)}) tại {siteName}.")
            .AppendLine($"Hủy theo dõi mục này: {unsubscribe}")
            .AppendLine($"Xem và hủy mọi đăng ký của địa chỉ này: {links.Manage(s.Email)}");
        return new OutgoingEmail
        {
            To = s.Email, Subject = subject, BodyText = body.ToString(), Purpose = purpose, DedupKey = key, CreatedAt = now, ListUnsubscribeUrl = unsubscribe,
        };
    }

    public static string FrequencyText(Frequency f) => f == Frequency.Daily ? "tóm tắt mỗi ngày một thư" : "gửi ngay khi có tin";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
