using System.Net;
using System.Net.Sockets;

namespace ShelfReady.Adapters.Webhooks;

/// <summary>
/// Refuses webhook targets inside private, loopback, link-local or otherwise non-public address space, so a
/// merchant-supplied URL cannot make ShelfReady probe its own network (SSRF). Checked on the resolved
/// addresses, not the host name, so a public-looking name pointing inward is refused too.
/// </summary>
public static class WebhookTargetGuard
{
    /// <summary>Whether an address is one a public webhook must not reach.</summary>
    public static bool IsNonPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127,
            169 => b[1] == 254,
            172 => b[1] >= 16 && b[1] <= 31,
            192 => b[1] == 168 || (b[1] == 0 && b[2] == 0),
            >= 224 => true,
            _ => false,
        };
    }

    /// <summary>
    /// A connect callback for <see cref="System.Net.Http.SocketsHttpHandler"/> that resolves the host and
    /// connects only to a public address. Checking at connect time, on the address actually dialled, closes
    /// the gap a DNS answer that changes between check and connect (rebinding) would open.
    /// </summary>
    public static async ValueTask<Stream> ConnectPublicOnlyAsync(System.Net.Http.SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var target = addresses.FirstOrDefault(a => !IsNonPublic(a))
            ?? throw new WebhookTargetRefusedException(
                $"Webhook target {host} resolves only to private or loopback addresses; set allowPrivateWebhookTargets in the merchant settings to permit it.");
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
