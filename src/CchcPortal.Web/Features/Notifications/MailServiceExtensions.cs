using CchcPortal.Core.Notifications;

namespace CchcPortal.Web.Features.Notifications;

public static class MailServiceExtensions
{
    /// <summary>Links in mail, the transport and the outbox sender (the outbox writers are in Core).</summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services)
    {
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
