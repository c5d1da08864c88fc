using CchcPortal.Core.Common;

namespace CchcPortal.Core.Notifications;

/// <summary>Absolute links put in e-mails, on the portal's public address.</summary>
public sealed class MailLinks(PublicAddress address)
{
    public string Tracking => address.Absolute("/hoi-dap/tra-cuu");
    public string PublicAnswer(string code) => address.Absolute($"/hoi-dap/cau-hoi/{Uri.EscapeDataString(code)}");
    public string ManagerCase(int id) => address.Absolute($"/quan-tri/hoi-dap/{id}");
    public string ManagerQueue => address.Absolute("/quan-tri/hoi-dap");
}
