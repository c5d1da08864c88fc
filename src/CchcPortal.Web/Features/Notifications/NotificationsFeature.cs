using CchcPortal.Core.Notifications;

namespace CchcPortal.Web.Features.Notifications;

/// <summary>E-mail: the outbox and case mail (Core), links in mail, the transport, the outbox sender and the overdue digest.</summary>
public sealed class NotificationsFeature : IPortalFeature
{
    public string Name => "Notifications";
    public int Order => FeatureOrder.Notifications;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<CaseMail>();
        services.AddScoped<OverdueDigest>();
        services.AddScoped<Outbox>();
        services.AddPortalMail();
    }
}
