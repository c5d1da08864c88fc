using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CchcPortal.Web.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>Keys live in the data folder, so sign-in cookies and antiforgery tokens survive a restart.</summary>
    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("CchcPortal");
        services.AddOptions<KeyManagementOptions>().Configure<PortalPaths, ILoggerFactory>((o, paths, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.KeysPath), logs));
        return services;
    }
}
