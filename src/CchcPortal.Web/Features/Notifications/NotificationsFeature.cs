using CchcPortal.Core.Notifications;

namespace CchcPortal.Web.Features.Notifications;

/// <summary>E-mail: the outbox (Core), links in mail, the transport and the outbox sender. What a feature mails is its own (case mail: Questions).</summary>
public sealed class NotificationsFeature : IPortalFeature
{
    public string Name => "Notifications";
    public int Order => FeatureOrder.Notifications;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddPortalMail();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
    }
}
