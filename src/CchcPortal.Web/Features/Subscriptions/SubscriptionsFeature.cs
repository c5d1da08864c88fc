using CchcPortal.Core.Identity;
using CchcPortal.Core.Subscriptions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CchcPortal.Web.Features.Subscriptions;

/// <summary>Following news categories, agencies' answers and procedures by e-mail (double opt-in, no account).</summary>
public sealed class SubscriptionsFeature : IPortalFeature
{
    public string Name => "Subscriptions";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SubscriptionOptions>(configuration.GetSection("Portal:Subscriptions"));
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<ISubscriptionLinks>(sp => sp.GetRequiredService<SubscriptionLinks>());
        services.AddScoped<SubscriptionTopics>();
        services.AddScoped<ProcedureSnapshots>();
        services.AddScoped<SubscriptionService>();
        services.AddScoped<SubscriptionDispatcher>();
        services.AddScoped<SubscriptionStatistics>();
        services.AddSingleton<SubscriptionDispatchJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionDispatchJob>());
    }

    public void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeAreaFolder("Manager", "/Subscriptions", PortalPolicies.ManageSubscriptions);

    public IEnumerable<ManagerMenuEntry> ManagerMenu => [new("Đăng ký nhận tin", "/quan-tri/dang-ky-nhan-tin", 95, PortalPolicies.ManageSubscriptions)];
}
