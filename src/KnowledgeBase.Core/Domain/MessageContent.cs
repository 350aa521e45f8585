using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeBase.Core.Domain;

/// <summary>
/// What a message says wherever it sits in its file: its file, time, speaker and text. The review store fingerprints
/// the messages an entry cites by it, and the store's anchors and a build's previous topics find a message again by its
/// key when lines moved.
/// </summary>
internal static class MessageContent
{
    /// <summary>The message's file, time, speaker and text as one string.</summary>
    public static string Said(ChatMessage message) => Said(message.Source.Path, TimeAsStored(message.Time), message.Speaker.Raw, message.Body);

    /// <summary>The same string from the parts as stored (time as <c>yyyy-MM-ddTHH:mm:ss</c>).</summary>
    public static string Said(string path, string time, string speaker, string body) => string.Join('\u001f', path, time, speaker, body);

    /// <summary>The hash of <see cref="Said(ChatMessage)"/>: the message's key, unchanged when lines are added above it.</summary>
    public static string Key(ChatMessage message) => Hash(Said(message));

    /// <summary>
    /// The key of what the message says wherever its file is: its time, speaker and text. The same message in a file
    /// renamed or moved to another group folder has it.
    /// </summary>
    public static string KeyInAnyFile(ChatMessage message) => KeyInAnyFile(TimeAsStored(message.Time), message.Speaker.Raw, message.Body);

    /// <summary>The same key from the parts as stored.</summary>
    public static string KeyInAnyFile(string time, string speaker, string body) => Hash(Said(string.Empty, time, speaker, body));

    /// <summary>The same key from the parts as stored.</summary>
    public static string Key(string path, string time, string speaker, string body) => Hash(Said(path, time, speaker, body));

    /// <summary>A message's time as the review store keeps it and the keys take it: <c>yyyy-MM-ddTHH:mm:ss</c>.</summary>
    public static string TimeAsStored(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
