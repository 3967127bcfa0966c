using System.Net;
using System.Net.Sockets;

namespace Ticketing.Testing;

/// <summary>Ports on 127.0.0.1 for the servers the distributed tests start.</summary>
public static class LocalPorts
{
    /// <summary>True when nothing holds the port at this moment (a listener could bind it).</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
