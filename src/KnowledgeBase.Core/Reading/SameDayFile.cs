using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace KnowledgeBase.Core.Reading;

/// <summary>What <see cref="SameDayFiles"/> needs of a file that was read: its path, its day and a hash of its content.</summary>
/// <param name="Path">Path relative to the input root, <c>/</c>-separated; its group is <see cref="Domain.ChatGroup.Of"/>.</param>
/// <param name="Date">The day the file was read as (front matter, else file name); <see cref="DateOnly.MinValue"/> when undated.</param>
/// <param name="ContentHash">See <see cref="HashOf"/>.</param>
public sealed record SameDayFile(string Path, DateOnly Date, string ContentHash)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// A SHA-256 of a file's text without a UTF-8 byte-order mark and with CRLF line ends read as LF, so a copy saved by
    /// another editor still counts as the same content. A file that is not UTF-8 (UTF-16 or UTF-32, GB18030) is hashed
    /// as the UTF-8 of the text the reader decodes from it, so a copy saved in another encoding counts as the same too.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The hash, in hex.</returns>
    public static string HashOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Utf8Bom))
        {
            content = content[Utf8Bom.Length..];
        }

        // UTF-8 (the usual case) is hashed as it is; a NUL can be UTF-16 without a byte-order mark.
        if (!Utf8.IsValid(content) || content.Contains((byte)0))
        {
            content = Encoding.UTF8.GetBytes(ChatLogDecoder.Decode(content, new ProblemLog(string.Empty, limit: 0)).Text);
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
