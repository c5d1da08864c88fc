using CchcPortal.Core.Common;

namespace CchcPortal.Core.Notifications;

/// <summary>Absolute links put in e-mails, on the portal's public address.</summary>
public sealed class MailLinks(PublicAddress address)
{
    public string Tracking => address.Absolute(PublicPaths.QuestionTracking);
    /// <summary>The code escaped, as e-mails always had it (nothing to escape in "HD-2026-000001").</summary>
    public string PublicAnswer(string code) => address.Absolute(PublicPaths.Answer(Uri.EscapeDataString(code)));
    public string ManagerCase(int id) => address.Absolute(ManagerPaths.Case(id));
    public string ManagerQueue => address.Absolute(ManagerPaths.Cases);
}
