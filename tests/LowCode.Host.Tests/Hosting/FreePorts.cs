using System.Net;
using System.Net.Sockets;

namespace LowCode.Host.Tests.Hosting;

/// <summary>Loopback TCP ports nobody listens on right now (the OS picks them; all are held until every one is chosen, so they differ).</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            foreach (var listener in listeners) listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }
}
