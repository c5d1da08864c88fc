namespace CchcPortal.Core.Subscriptions;

/// <summary>
/// Absolute links put in subscription e-mails. The unsubscribe and manage links carry a signed token (the host's
/// data protection), so nothing about them is stored; the confirmation link carries the random token whose hash is.
/// </summary>
public interface ISubscriptionLinks
{
    string Confirm(string token);
    string Unsubscribe(int subscriptionId);
    string Manage(string email);
    string Absolute(string path);
}
