using System.Net;
using System.Net.Sockets;

namespace Monitor.Crawlers.Fetching;

/// <summary>Keeps the crawler off internal networks (SSRF): loopback, private, shared (CGNAT), link-local, multicast,
/// unspecified, reserved and documentation ranges, and the IPv6 forms that carry such an IPv4 address (mapped,
/// compatible, 6to4, NAT64) are refused. The check runs in the connection handler on the address actually connected,
/// after name resolution, so a decimal host (http://2130706433/), a redirect or a name that resolves to 127.0.0.1
/// (DNS rebinding) cannot get around it.</summary>
/// <param name="allowPrivateNetworks">Connect anywhere (the sample site, benches and tests run on 127.0.0.1).</param>
/// <param name="allowedEndpoints">Internal endpoints allowed one by one (an intranet portal, a test's stand-in site).</param>
public sealed class AddressGuard(bool allowPrivateNetworks, IReadOnlyCollection<IPEndPoint>? allowedEndpoints = null)
{
    private readonly HashSet<IPEndPoint> _allowed = [.. (allowedEndpoints ?? []).Select(Normalize)];

    /// <summary>The guard <paramref name="options"/> ask for.</summary>
    public static AddressGuard For(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AddressGuard(options.AllowPrivateNetworks, [.. options.AllowedPrivateEndpoints.Select(IPEndPoint.Parse)]);
    }

    /// <summary>Whether the crawler may connect to <paramref name="endpoint"/>.</summary>
    public bool Allows(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return allowPrivateNetworks || !IsInternal(endpoint.Address) || _allowed.Contains(Normalize(endpoint));
    }

    /// <summary>Makes <paramref name="handler"/> connect only where <see cref="Allows"/> says. A handler without a
    /// connect callback resolves the name here and connects to an allowed address of it (never resolving twice); a
    /// handler with its own callback (the sample site's, which maps its names to 127.0.0.1) is checked on the socket
    /// it connected, before a byte is sent.</summary>
    public SocketsHttpHandler Install(SocketsHttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var inner = handler.ConnectCallback;
        handler.ConnectCallback = inner is null
            ? ConnectAsync
            : async (context, ct) =>
            {
                var stream = await inner(context, ct);
                if (stream is NetworkStream { Socket.RemoteEndPoint: IPEndPoint remote } && Allows(remote))
                {
                    return stream;
                }

                await stream.DisposeAsync();
                throw new AddressRefusedException(context.DnsEndPoint.Host, stream is NetworkStream { Socket.RemoteEndPoint: IPEndPoint r } ? r.Address : null);
            };
        return handler;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => Allows(new IPEndPoint(a, port))).ToArray();
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException(host, addresses.FirstOrDefault());
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, ct);
            if (socket.RemoteEndPoint is not IPEndPoint remote || !Allows(remote))
            {
                throw new AddressRefusedException(host, (socket.RemoteEndPoint as IPEndPoint)?.Address);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="address"/> lies in a range that is not the public Internet.</summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return IsInternalV4(address.GetAddressBytes());
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsInternalV4(address.MapToIPv4().GetAddressBytes());
        }

        var b = address.GetAddressBytes();
        if (b.Length != 16)
        {
            return true;
        }

        // ::/96 (unspecified, loopback, the deprecated IPv4-compatible form): nothing public lives there.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return true;
        }

        return (b[0], b[1], b[2], b[3]) switch
        {
            (0xFF, _, _, _) => true,                                         // ff00::/8 multicast
            (0xFE, >= 0x80, _, _) => true,                                   // fe80::/10 link-local, fec0::/10 site-local
            (0xFC or 0xFD, _, _, _) => true,                                 // fc00::/7 unique local
            (0x00, 0x64, 0xFF, 0x9B) when b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0 => IsInternalV4(b[12..16]), // 64:ff9b::/96 NAT64
            (0x00, 0x64, 0xFF, 0x9B) => true,                                // 64:ff9b:1::/48 local NAT64
            (0x20, 0x02, _, _) => IsInternalV4(b[2..6]),                     // 2002::/16 6to4
            (0x20, 0x01, 0x00, 0x00) => true,                                // 2001::/32 Teredo (the IPv4 inside is hidden)
            (0x20, 0x01, 0x0D, 0xB8) => true,                                // 2001:db8::/32 documentation
            (0x01, 0x00, 0x00, 0x00) when b.AsSpan(4, 4).IndexOfAnyExcept((byte)0) < 0 => true, // 100::/64 discard
            _ => false,
        };
    }

    private static bool IsInternalV4(byte[] b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => true,                                  // 0.0.0.0/8 "this network", unspecified
        (10, _, _) => true,                                 // 10/8 private
        (100, >= 64 and <= 127, _) => true,                 // 100.64/10 shared address space (CGNAT)
        (127, _, _) => true,                                // 127/8 loopback
        (169, 254, _) => true,                              // 169.254/16 link-local (cloud metadata)
        (172, >= 16 and <= 31, _) => true,                  // 172.16/12 private
        (192, 0, 0) or (192, 0, 2) => true,                 // 192.0.0/24 protocol assignments, 192.0.2/24 documentation
        (192, 88, 99) => true,                              // 6to4 relay anycast
        (192, 168, _) => true,                              // 192.168/16 private
        (198, 18 or 19, _) => true,                         // 198.18/15 benchmarking
        (198, 51, 100) or (203, 0, 113) => true,            // documentation
        ( >= 224, _, _) => true,                            // 224/4 multicast, 240/4 reserved, broadcast
        _ => false,
    };

    private static IPEndPoint Normalize(IPEndPoint e) => e.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(e.Address.MapToIPv4(), e.Port) : e;
}

/// <summary>A connection the <see cref="AddressGuard"/> refused; the message is one Vietnamese sentence.</summary>
public sealed class AddressRefusedException(string host, IPAddress? address)
    : Exception($"không tải {host} ({address?.ToString() ?? "không phân giải được"}): địa chỉ thuộc mạng nội bộ; chỉ cho phép khi đặt Monitor:Fetch:AllowPrivateNetworks=true")
{
    public string Host { get; } = host;
}
