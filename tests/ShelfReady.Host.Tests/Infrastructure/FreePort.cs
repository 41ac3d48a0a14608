using System.Net;
using System.Net.Sockets;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>Picks a loopback TCP port nothing is listening on.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
