using CchcPortal.Core.Notifications;
using CchcPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace CchcPortal.Web.Features.Notifications;

public static class MailServiceExtensions
{
    /// <summary>Links in mail, the transport, the outbox sender and the daily overdue digest (the outbox writers are in Core).</summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services)
    {
        services.AddSingleton(sp => new MailLinks(sp.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl));
        services.AddSingleton<MailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<OverdueDigestJob>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueDigestJob>());
        return services;
    }
}
