namespace CchcPortal.Core.Subscriptions;

/// <summary>The public pages of following by e-mail.</summary>
public static class SubscriptionPaths
{
    public const string Index = "/theo-doi";
    public const string Subscribe = "/theo-doi/dang-ky";
    public const string CheckMail = "/theo-doi/kiem-tra-thu";
    public const string Confirm = "/theo-doi/xac-nhan";
    public const string Unsubscribe = "/theo-doi/huy";
    public const string Manage = "/theo-doi/quan-ly";

    public static string SubscribeTo(TopicKind kind, int id) => $"{Subscribe}?loai={SubscriptionTopics.Slug(kind)}&id={id}";
}
