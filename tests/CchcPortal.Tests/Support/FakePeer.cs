using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CchcPortal.Tests.Support;

/// <summary>
/// The TestServer has no TCP peer: this sets the connection's address, as Kestrel would, before the app's pipeline
/// (10.0.0.1, or the address in the X-Test-Peer header), so forwarded headers are judged against a real address.
/// </summary>
public sealed class FakePeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";
    public const string DefaultAddress = "10.0.0.1";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].FirstOrDefault() ?? DefaultAddress);
            return nextMiddleware(context);
        });
        next(app);
    };
}
