using System.Net;
using System.Net.Sockets;

namespace CchcPortal.Tests.Support;

public static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing listens on now (the OS picks it; the listener is closed again).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
