using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace KnowledgeBase.Core.Reading;

/// <summary>The text of a file and whether it looked binary.</summary>
internal sealed record DecodedText(string Text, bool IsBinary);

/// <summary>
/// Turns the bytes of a chat log into text: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, UTF-16 without
/// one (reported), and GB18030 (GBK) when a file is that throughout, which is reported once. Invalid bytes become
/// U+FFFD and are reported per line; a NUL byte near the start marks a binary file.
/// </summary>
internal static partial class ChatLogDecoder
{
    // git and diff call a file binary when a NUL shows up in its first 8,000 bytes; same rule here.
    private const int BinaryProbeLength = 8000;

    // Strict: a byte GB18030 cannot decode means the file is not GB18030.
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, ProblemLog problems)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return DecodeUnicode(bytes[4..], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", problems);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return DecodeUnicode(bytes[4..], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", problems);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUnicode(bytes[2..], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", problems);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUnicode(bytes[2..], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", problems);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var probe = bytes[..Math.Min(bytes.Length, BinaryProbeLength)];
        var nul = probe.IndexOf((byte)0);
        if (nul >= 0 && Utf16WithoutBom(probe) is { } bigEndian)
        {
            // A chat log's headers and front matter are ASCII: in UTF-16, every other byte of them is a NUL.
            problems.Add(0, $"UTF-16 {(bigEndian ? "BE" : "LE")} without a byte-order mark: read as such; save the file as UTF-8");
            return DecodeUnicode(bytes, new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", problems);
        }

        if (nul >= 0)
        {
            problems.Add(0, $"binary content (NUL byte at offset {nul}): messages not read");
            return new DecodedText(Encoding.UTF8.GetString(bytes), IsBinary: true);
        }

        if (!Utf8.IsValid(bytes))
        {
            // A chat log saved by a Chinese Windows tool is GBK (GB18030) throughout; one with a few broken bytes is UTF-8.
            if (AsGb18030(bytes) is { } gb)
            {
                problems.Add(0, "not UTF-8: read as GB18030 (GBK); save the file as UTF-8");
                return new DecodedText(ReplaceNuls(gb, problems), IsBinary: false);
            }

            ReportInvalidUtf8Lines(bytes, problems);
        }

        // Encoding.UTF8 replaces invalid sequences with U+FFFD instead of throwing.
        return new DecodedText(ReplaceNuls(Encoding.UTF8.GetString(bytes), problems), IsBinary: false);
    }

    // True (big-endian) or false (little-endian) when a file's start reads as a chat log written as UTF-16: many NULs,
    // most of them on one side of the byte pairs (the high byte of ASCII: the front matter, the headers' times), and the
    // text so decoded opens with front matter or holds a message header. Chinese text puts some NULs on the other side
    // too (一 is U+4E00), so the split need not be clean; a binary file, with NULs anywhere, reads as no chat log.
    private static bool? Utf16WithoutBom(ReadOnlySpan<byte> probe)
    {
        var (even, odd) = (0, 0);
        for (var i = 0; i < probe.Length; i++)
        {
            if (probe[i] == 0)
            {
                (even, odd) = i % 2 == 0 ? (even + 1, odd) : (even, odd + 1);
            }
        }

        var pairs = probe.Length / 2;
        if (even + odd < Math.Max(8, pairs / 8) || Math.Min(even, odd) * 4 > even + odd)
        {
            return null;
        }

        var bigEndian = even > odd;
        var text = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetString(probe[..(pairs * 2)]);
        return Utf16Opening().IsMatch(text) ? bigEndian : null;
    }

    // Front matter at the start, or a message header at the start of a line.
    [GeneratedRegex(@"\A\s*---|^> \d{1,2}:\d{2}:\d{2}", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Utf16Opening();

    private static DecodedText DecodeUnicode(ReadOnlySpan<byte> bytes, Encoding strict, string name, ProblemLog problems)
    {
        string text;
        try
        {
            text = strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add(0, $"invalid {name}: undecodable bytes replaced with U+FFFD");
            var lenient = (Encoding)strict.Clone();
            lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
            text = lenient.GetString(bytes);
        }

        return new DecodedText(ReplaceNuls(text, problems), IsBinary: false);
    }

    /// <summary>
    /// The text as GB18030 when the file reads as GB18030 without a single undecodable byte and most of its lines that are
    /// not plain ASCII are no valid UTF-8 (GBK's byte pairs seldom are); otherwise null, and the file is read as UTF-8.
    /// </summary>
    private static string? AsGb18030(ReadOnlySpan<byte> bytes)
    {
        var (nonAscii, invalid) = (0, 0);
        foreach (var range in bytes.Split((byte)'\n'))
        {
            var line = bytes[range];
            if (line.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0)
            {
                nonAscii++;
                invalid += Utf8.IsValid(line) ? 0 : 1;
            }
        }

        if (invalid * 2 <= nonAscii)
        {
            return null;
        }

        try
        {
            return Gb18030.Value.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static void ReportInvalidUtf8Lines(ReadOnlySpan<byte> bytes, ProblemLog problems)
    {
        // A multi-byte sequence never contains '\n', so checking line by line finds every bad line.
        var line = 1;
        while (true)
        {
            var newline = bytes.IndexOf((byte)'\n');
            var current = newline < 0 ? bytes : bytes[..newline];
            if (!Utf8.IsValid(current))
            {
                problems.Add(line, "invalid UTF-8");
            }

            if (newline < 0)
            {
                return;
            }

            bytes = bytes[(newline + 1)..];
            line++;
        }
    }

    private static string ReplaceNuls(string text, ProblemLog problems)
    {
        if (!text.Contains('\0', StringComparison.Ordinal))
        {
            return text;
        }

        var line = 1;
        var reported = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
            else if (text[i] == '\0' && reported != line)
            {
                problems.Add(line, "NUL character replaced with U+FFFD");
                reported = line;
            }
        }

        return text.Replace('\0', '\uFFFD');
    }
}
