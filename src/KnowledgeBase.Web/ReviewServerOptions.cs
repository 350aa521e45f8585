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
    public bool IsLoopback => Host is "localhost" || (System.Net.IPAddress.TryParse(Host, out var address) && System.Net.IPAddress.IsLoopback(address));

    /// <summary>Why these options cannot be served, or <see langword="null"/> when they can.</summary>
    /// <returns>A message for a person, or <see langword="null"/>.</returns>
    public string? Problem()
    {
        if (Host != "localhost" && !System.Net.IPAddress.TryParse(Host, out _))
        {
            return $"--host must be an IP address or localhost, not '{Host}'";
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
