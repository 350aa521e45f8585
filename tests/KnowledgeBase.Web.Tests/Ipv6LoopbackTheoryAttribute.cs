using System.Net;
using System.Net.Sockets;

namespace KnowledgeBase.Web.Tests;

/// <summary>
/// A theory about serving on the IPv6 loopback address; skipped, saying why, only where this machine has none (IPv6
/// switched off, or ::1 cannot be bound, as in some containers).
/// </summary>
public sealed class Ipv6LoopbackTheoryAttribute : TheoryAttribute
{
    private static readonly string? MissingReason = Probe();

    public Ipv6LoopbackTheoryAttribute() => Skip = MissingReason;

    private static string? Probe()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return "this machine has no IPv6 (Socket.OSSupportsIPv6 is false): kb serve --host ::1 cannot be tried here";
        }

        try
        {
            using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return null;
        }
        catch (SocketException cannot)
        {
            return $"::1 cannot be bound on this machine ({cannot.SocketErrorCode}): kb serve --host ::1 cannot be tried here";
        }
    }
}
