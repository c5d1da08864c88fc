namespace CchcPortal.Core.Notifications;

/// <summary>Absolute links put in e-mails; the base is the portal's public address (Portal:PublicBaseUrl).</summary>
public sealed class MailLinks(string baseUrl)
{
    public string BaseUrl { get; } = (string.IsNullOrWhiteSpace(baseUrl) ? "http://localhost:5000" : baseUrl.Trim()).TrimEnd('/');

    public string Tracking => $"{BaseUrl}/hoi-dap/tra-cuu";
    public string PublicAnswer(string code) => $"{BaseUrl}/hoi-dap/cau-hoi/{Uri.EscapeDataString(code)}";
    public string ManagerCase(int id) => $"{BaseUrl}/quan-tri/hoi-dap/{id}";
    public string ManagerQueue => $"{BaseUrl}/quan-tri/hoi-dap";
}
