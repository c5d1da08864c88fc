using CchcPortal.Core.Common;

namespace CchcPortal.Core.Notifications;

/// <summary>Absolute links put in e-mails, on the portal's public address.</summary>
public sealed class MailLinks(PublicAddress address)
{
    /// <summary>The tracking page with the case's code filled in (never the secret).</summary>
    public string Tracking(string code) => address.Absolute(PublicPaths.QuestionTrackingFor(code));
    /// <summary>The code escaped, as e-mails always had it (nothing to escape in "HD-2026-000001").</summary>
    public string PublicAnswer(string code) => address.Absolute(PublicPaths.Answer(Uri.EscapeDataString(code)));
    public string ManagerCase(int id) => address.Absolute(ManagerPaths.Case(id));
    public string ManagerQueue => address.Absolute(ManagerPaths.Cases);
}
