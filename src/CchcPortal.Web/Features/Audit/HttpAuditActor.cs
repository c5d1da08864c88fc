using System.Security.Claims;
using CchcPortal.Core.Audit;

namespace CchcPortal.Web.Features.Audit;

/// <summary>The account and client address of the current request; outside a request (start-up, commands) "system".</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => User?.Identity?.Name ?? (accessor.HttpContext is null ? "system" : "");

    // After the forwarded-headers middleware this is the real client, not the proxy.
    public string Address => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "";
}
