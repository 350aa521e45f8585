using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Tests.Robustness;

namespace KnowledgeBase.Core.Tests.Reading;

/// <summary>
/// The reader never throws and keeps one message per header line, whatever the bytes: random bytes, random
/// chat-like text and random mutations of real files. CsCheck samples on several threads, so the shared reader
/// is exercised concurrently as the pipeline uses it. Random bytes and mutations add up to 10,000 inputs per run, each
/// property under <see cref="HangGuard"/> so a reader stuck in a loop fails the test instead of stalling CI.
/// </summary>
public sealed partial class ChatLogReaderPropertyTests
{
    private static readonly ChatLogReader Reader = new();

    // Pieces that hit the reader's edge cases when glued together at random.
    private static readonly string[] Tokens =
    [
        "---", "...", "> 10:00:00  ", "> 25:61:99  ", "> 00:00:00", "> 9:5:1  ", ">12:00:00 ", " > 10:00", ">", "> ", "\n", "\r\n", "\r", "  \n   \n", "\t", "\u3000",
        ">\t10:00:00\t", ">  10:00:00  ", "> \t10:00:00 ",
        "tag:\t\t  [chat]", "date: 2024-03-05 12:00:00", "title: \"x", "key: [a, [b, {c: d}]]", ": ", "&amp;", "&amp;amp;quot;",
        "&#", "&lt;?xml", "「", "」", "：", ":", " - - - - ", "? ", "@", "@??", "\u2005", "?", "[强]", "[", "](", "![a](http://x/a.png)",
        "http://", "www.", "<", "```", "微信红包", "【电脑签到", "wxid_a:", "周明远-云汇支付-产品-杭州", "😀", "\uD83D", "\0",
        "[[[[[[[[[[[[[[[[", "- - - - - - - - ", "> > > > > > ", "{[{[{[", "*_*_*_", "key:\n  - a\n  - b", "\uFEFF", "\u00A0",
    ];

    // Half the arrays avoid NUL, or nearly all would be set aside as binary before any parsing.
    [Fact]
    public void Random_bytes_never_throw() => HangGuard.Within("random bytes", () =>
        Gen.OneOf(Gen.Byte.Array[0, 4000], Gen.Byte[1, 255].Array[0, 4000])
            .Sample(bytes => AssertConsistent(Reader.Read("fuzz/2024-03-05-chat.markdown", bytes)), iter: 4000));

    [Fact]
    public void Random_chat_like_text_reads_one_message_per_header_line() =>
        Gen.OneOf(Tokens).Array[0, 200].Select(string.Concat).Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var result = Reader.Read("fuzz/2024-03-05-chat.markdown", bytes);

            AssertConsistent(result);

            // A NUL in the first 8,000 bytes marks the file binary: then no message is read.
            if (!bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0))
            {
                // A leading U+FEFF is a byte-order mark, which the reader drops.
                Assert.Equal(HeaderLine().Count(text.StartsWith('\uFEFF') ? text[1..] : text), result.Day.Messages.Count);
            }
        }, iter: 3000);

    [Fact]
    public void Random_mutations_of_real_files_never_throw()
    {
        var seeds = SeedFiles();
        var mutation = Gen.Select(Gen.Int[0, 5], Gen.Int.NonNegative, Gen.Int[1, 64], Gen.OneOf(Tokens));
        HangGuard.Within("mutations of real files", () => Gen.Select(Gen.Int[0, seeds.Length - 1], mutation.Array[1, 12]).Sample((seed, mutations) =>
        {
            var bytes = Mutate(seeds[seed], mutations);
            AssertConsistent(Reader.Read("fuzz/2024-03-05-chat.markdown", bytes));
        }, iter: 6000));
    }

    [Fact]
    public void Body_and_speaker_parsers_never_throw() =>
        Gen.OneOf(Gen.String, Gen.OneOf(Tokens).Array[0, 30].Select(string.Concat)).Sample(text =>
        {
            var body = MessageBodyParser.Parse(text);
            var speaker = SpeakerParser.Parse(text);

            Assert.Equal(body.Text, body.Text.Trim());
            Assert.All(body.Mentions, name => Assert.InRange(name.Length, 1, MentionParser.MaxNameLength));
            Assert.Equal(speaker.Raw.Length > 0, speaker.Name.Length > 0);
        }, iter: 2000);

    private static void AssertConsistent(ChatLogReadResult result)
    {
        Assert.True(result.Day.Messages.Count == result.HeaderLines || result.Day.Messages.Count == 0);
        Assert.All(result.Problems, problem => Assert.Equal("fuzz/2024-03-05-chat.markdown", problem.Path));

        // A malformed header is always told what is wrong with it.
        Assert.All(result.Problems, problem => Assert.DoesNotContain("malformed message header ()", problem.Message, StringComparison.Ordinal));
        var previous = 0;
        foreach (var message in result.Day.Messages)
        {
            Assert.True(message.Source.Line > previous);
            Assert.True(message.Body.Length <= ChatLogReaderOptions.Default.MaxBodyLength);
            previous = message.Source.Line;
        }
    }

    private static byte[] Mutate(byte[] seed, (int Kind, int Position, int Length, string Token)[] mutations)
    {
        var bytes = new List<byte>(seed);
        foreach (var (kind, position, length, token) in mutations)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            var count = Math.Min(length, bytes.Count - at);
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << (length % 8));
                    break;
                case 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                    break;
                case 2:
                    bytes.RemoveRange(at, count);
                    break;
                case 3:
                    bytes.InsertRange(at, bytes.GetRange(at, count));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.Insert(at, (byte)(0x80 + length));
                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The golden inputs and the sample, plus a few corpus days where the corpus is present.</summary>
    private static byte[][] SeedFiles()
    {
        var files = Directory.GetFiles(ReadingTestPaths.Golden, "*.markdown")
            .Concat(ChatLogFinder.Find(ReadingTestPaths.Sample).Files.Select(file => file.FullPath));
        if (ReadingTestPaths.Corpus is { } corpus)
        {
            files = files.Concat(ChatLogFinder.Find(corpus).Files.Take(5).Select(file => file.FullPath));
        }

        return files.Select(File.ReadAllBytes).ToArray();
    }

    [GeneratedRegex("^>[ \t][0-9]{2}:[0-9]{2}:[0-9]{2}", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
