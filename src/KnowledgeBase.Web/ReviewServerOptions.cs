using System.Net;
using System.Net.Sockets;
using KnowledgeBase.Core.Curation;

namespace KnowledgeBase.Web;

/// <summary>How <c>kb serve</c> runs the review page.</summary>
/// <param name="Store">The curation store to serve.</param>
public sealed record ReviewServerOptions(CurationStoreOptions Store)
{
    /// <summary>The address to bind; loopback unless a token is set.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (the chosen address is reported once listening).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>A shared secret every request must carry; required on any address other than loopback.</summary>
    public string? Token { get; init; }

    /// <summary>The chat-log folder the build read, to show source lines; <see langword="null"/> hides them.</summary>
    public string? InputRoot { get; init; }

    /// <summary>Whether <see cref="Host"/> is a loopback address.</summary>
    public bool IsLoopback => Host is "localhost" || (Address is { } address && IPAddress.IsLoopback(address));

    /// <summary>
    /// The address <see cref="Host"/> names, an IPv6 one with or without the brackets of a URL (<c>[::1]</c>); null for
    /// <c>localhost</c> and for anything else, such as an address with a port (<c>[::1]:5080</c>), which
    /// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> would accept and drop the port of.
    /// </summary>
    internal IPAddress? Address
    {
        get
        {
            var bracketed = Host.StartsWith('[') && Host.EndsWith(']');
            var bare = bracketed ? Host[1..^1] : Host;
            if (bare.Contains('[') || bare.Contains(']') || !IPAddress.TryParse(bare, out var address))
            {
                return null;
            }

            return !bracketed || address.AddressFamily == AddressFamily.InterNetworkV6 ? address : null;
        }
    }

    /// <summary>The bound address as a Host header or a URL writes it: <c>127.0.0.2</c>, <c>[::1]</c>; null for localhost.</summary>
    internal string? AddressAsHost => Address switch
    {
        null => null,
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => $"[{v6}]",
        var v4 => v4.ToString(),
    };

    /// <summary>Why these options cannot be served, or <see langword="null"/> when they can.</summary>
    /// <returns>A message for a person, or <see langword="null"/>.</returns>
    public string? Problem()
    {
        if (Host != "localhost" && Address is null)
        {
            return IPEndPoint.TryParse(Host, out var endpoint) && endpoint.Port != 0
                ? $"--host takes an address without a port, not '{Host}': give the port with --port"
                : $"--host must be an IP address or localhost, not '{Host}'";
        }

        if (Address is { IsIPv4MappedToIPv6: true } mapped)
        {
            // Kestrel's bind of such an address fails (EINVAL on Linux), and kb serve said only "kb: Invalid argument": say what to give instead.
            return $"--host {Host} is an IPv4 address written as IPv6, which cannot be bound: give {mapped.MapToIPv4()}";
        }

        if (Port is < 0 or > 65535)
        {
            return $"--port must be between 0 and 65535, not {Port}";
        }

        if (!IsLoopback && string.IsNullOrEmpty(Token))
        {
            return $"binding {Host} exposes the review page beyond this machine: give --token <secret> (every request must then carry it)";
        }

        return Token is { Length: > 0 and < 16 } ? "--token must be at least 16 characters" : null;
    }
}
