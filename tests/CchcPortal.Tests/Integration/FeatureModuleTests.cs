using CchcPortal.Core.Changes;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Search;
using CchcPortal.Web.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CchcPortal.Tests.Integration;

/// <summary>The features are found at start-up, and together they leave no manager page open.</summary>
public class FeatureModuleTests
{
    private static readonly string[] ExpectedFeatures =
    [
        "Agencies", "AntiSpam", "Audit", "Contests", "Documents", "Feeds", "Identity", "Indices", "Media", "News", "NewsStatistics", "Notifications",
        "PageFeedback", "Procedures", "Questions", "Search", "SearchVocabulary", "Settings", "StaticPages", "Subscriptions", "Surveys", "Video",
    ];

    /// <summary>Manager pages outside any feature folder, for every staff member: the dashboard, the password change and their own account security.</summary>
    private static readonly string[] StaffOnlyPages = ["/AccountSecurity", "/ChangePassword", "/Index"];

    [Fact]
    public void The_features_found_are_the_expected_list()
    {
        var found = PortalFeatures.Discover(typeof(Program).Assembly).All.Select(f => f.Name).Order(StringComparer.Ordinal);
        Assert.Equal(ExpectedFeatures, found);
    }

    [Fact]
    public async Task Every_manager_page_requires_a_policy_of_some_feature()
    {
        using var factory = new PortalFactory();
        Assert.Equal(ExpectedFeatures, factory.Services.GetRequiredService<PortalFeatures>().All.Select(f => f.Name).Order(StringComparer.Ordinal));

        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().Where(p => p.AreaName == "Manager").ToList();
        Assert.True(pages.Count > 30, $"only {pages.Count} manager pages found");

        var loader = factory.Services.GetRequiredService<PageLoader>();
        var policies = factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var staffOnly = new List<string>();
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            Assert.DoesNotContain(compiled.EndpointMetadata, m => m is IAllowAnonymous);
            var required = compiled.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(required.Contains(PortalPolicies.Staff), $"{page.ViewEnginePath} does not require {PortalPolicies.Staff}");
            foreach (var name in required)
                Assert.True(name is not null && await policies.GetPolicyAsync(name) is not null, $"{page.ViewEnginePath}: unknown policy {name}");
            if (required.All(p => p == PortalPolicies.Staff)) staffOnly.Add(page.ViewEnginePath);
        }
        // A page in a folder no feature authorizes would be open to every staff member: it would show up here.
        Assert.Equal(StaffOnlyPages, staffOnly.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_content_kind_has_exactly_one_search_document_source()
    {
        using var factory = new PortalFactory();
        using var scope = factory.Services.CreateScope();
        var kinds = typeof(ContentKinds).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal);
        var sources = scope.ServiceProvider.GetServices<ISearchDocumentSource>().Select(s => s.Kind).Order(StringComparer.Ordinal);
        Assert.Equal(kinds, sources);
    }

    [Fact]
    public void Listeners_and_hosted_services_keep_their_order()
    {
        using var factory = new PortalFactory();
        _ = factory.Services; // starts the host
        using var scope = factory.Services.CreateScope();
        Assert.Equal(
            ["SearchVocabularyChangeListener", "SiteSettingsCacheEviction", "CitationChangeListener", "SimilarQuestionCorpusEviction", "OutputCacheEvictionListener", "SearchChangeListener"],
            scope.ServiceProvider.GetServices<IContentChangeListener>().Select(l => l.GetType().Name));
        Assert.Equal(
            ["ContestDemoSeedJob", "SearchVocabularyRefresher", "SubscriptionDispatchJob", "OverdueDigestJob", "SearchIndexer", "ScheduledPublishingService", "NewsViewCounter", "ProcedureViewCounter", "OutboxSender"],
            factory.Services.GetServices<IHostedService>().Select(s => s.GetType())
                .Where(t => t.Namespace?.StartsWith("CchcPortal", StringComparison.Ordinal) == true).Select(t => t.Name));
    }
}
