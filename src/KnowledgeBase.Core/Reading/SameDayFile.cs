using System.Security.Cryptography;

namespace KnowledgeBase.Core.Reading;

/// <summary>What <see cref="SameDayFiles"/> needs of a file that was read: its path, its day and a hash of its content.</summary>
/// <param name="Path">Path relative to the input root, <c>/</c>-separated; its group is <see cref="Domain.ChatGroup.Of"/>.</param>
/// <param name="Date">The day the file was read as (front matter, else file name); <see cref="DateOnly.MinValue"/> when undated.</param>
/// <param name="ContentHash">See <see cref="HashOf"/>.</param>
public sealed record SameDayFile(string Path, DateOnly Date, string ContentHash)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// A SHA-256 of a file's bytes without a UTF-8 byte-order mark and with CRLF line ends read as LF, so a copy saved by
    /// another editor still counts as the same content.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The hash, in hex.</returns>
    public static string HashOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Utf8Bom))
        {
            content = content[Utf8Bom.Length..];
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        while (content.Length > 0)
        {
            var cr = content.IndexOf("\r\n"u8);
            if (cr < 0)
            {
                hash.AppendData(content);
                break;
            }

            hash.AppendData(content[..cr]);
            content = content[(cr + 1)..];
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
