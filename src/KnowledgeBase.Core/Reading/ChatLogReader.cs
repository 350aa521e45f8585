using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Reads one chat-log file into a <see cref="ChatDay"/>. The file is split into lines first so that line numbers
/// are exact: every line matching <c>^&gt; HH:MM:SS</c> starts a message (Markdown's lazy continuation would
/// fold a following line into the header's blockquote; here it belongs to the body), and the lines up to the
/// next header are its body. Markdig reads the front-matter block and the inline Markdown of bodies.
/// A line that tries to be a header and misses (<c>&gt; 9:5:1  Name</c>, <c>&gt;12:00:00 Name</c>) does not start a
/// message, so that messages match header lines one for one and never cite a line that is no header; it stays body
/// text and is reported, like a header whose time runs into its speaker.
/// </summary>
/// <remarks>
/// Never throws on bad content: every problem becomes an <see cref="InputProblem"/> and the messages that can
/// be read are kept. Holds no mutable state, so one instance can read many files in parallel.
/// </remarks>
/// <param name="options">Limits; <see cref="ChatLogReaderOptions.Default"/> when null.</param>
public sealed class ChatLogReader(ChatLogReaderOptions? options = null)
{
    // How far back a message's time may be from the one before it without a report: a merged day's twins cross by a
    // second or two (see DuplicateExportMerger).
    private static readonly TimeSpan TimeOrderTolerance = TimeSpan.FromSeconds(2);
    private static readonly IReadOnlyDictionary<string, string> NoFrontMatter = new Dictionary<string, string>().AsReadOnly();

    private readonly ChatLogReaderOptions options = Validate(options ?? ChatLogReaderOptions.Default);

    /// <summary>Reads a file from disk; a file that cannot be read gives an empty day and a problem.</summary>
    /// <param name="inputRoot">The folder the relative path (and so the group) is taken from.</param>
    /// <param name="fullPath">The file.</param>
    /// <returns>The day, its problems and its header count.</returns>
    public ChatLogReadResult ReadFile(string inputRoot, string fullPath)
    {
        var loaded = Load(inputRoot, fullPath);
        return loaded.Failure ?? Read(loaded.RelativePath, loaded.Content!);
    }

    /// <summary>Takes a file's bytes from disk, within the size limit, without reading them as a chat log yet.</summary>
    /// <param name="inputRoot">The folder the relative path is taken from.</param>
    /// <param name="fullPath">The file.</param>
    /// <returns>The bytes, or the result of a file that cannot be read (an empty day and a problem).</returns>
    public LoadedChatLog Load(string inputRoot, string fullPath)
    {
        var relativePath = Path.GetRelativePath(Path.GetFullPath(inputRoot), Path.GetFullPath(fullPath))
            .Replace(Path.DirectorySeparatorChar, '/');
        try
        {
            // The length of what a link names, not of the link.
            var file = new FileInfo(fullPath);
            var length = (file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? file).Length;
            if (length == 0)
            {
                // Not opened: a named pipe says 0 bytes and opening it waits for a writer forever; a device such as
                // /dev/zero says 0 and never ends. An empty file has nothing to read either.
                return new LoadedChatLog(relativePath, null, Unread(relativePath, "empty file (0 bytes; a named pipe or a device says so too): not read"));
            }

            if (length > options.MaxFileBytes)
            {
                return new LoadedChatLog(relativePath, null, Unread(relativePath, $"file too large ({length} bytes, limit {options.MaxFileBytes}): not read"));
            }

            // A file still growing can give more than its length said.
            return ReadAtMost(fullPath, options.MaxFileBytes) is { } read
                ? new LoadedChatLog(relativePath, read, null)
                : new LoadedChatLog(relativePath, null, Unread(relativePath, $"file too large (more than {options.MaxFileBytes} bytes while reading): not read"));
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException && relativePath.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // .NET decodes file names as UTF-8 and puts U+FFFD for bytes that are not; the name it gives cannot open the file.
            return new LoadedChatLog(relativePath, null, Unread(
                relativePath,
                "cannot read file: its name is not valid UTF-8 (each \uFFFD stands for bytes that cannot be decoded), and such a name cannot be opened; rename the file (for a GBK name: convmv -f gbk -t utf-8 --notest <file>)"));
        }
        catch (IOException e)
        {
            return new LoadedChatLog(relativePath, null, Unread(relativePath, $"cannot read file: {e.Message}"));
        }
        catch (UnauthorizedAccessException e)
        {
            return new LoadedChatLog(relativePath, null, Unread(relativePath, $"cannot read file: {e.Message}"));
        }
    }

    /// <summary>
    /// The lines of a chat-log file, decoded and numbered as a build reads them (UTF-8, UTF-16 or UTF-32, GB18030), so
    /// that a cited header line can be shown in its context; a file that cannot be read gives its problem instead.
    /// </summary>
    /// <param name="inputRoot">The folder the relative path is taken from.</param>
    /// <param name="fullPath">The file.</param>
    /// <returns>The lines (line 1 first), or null and why the file cannot be read.</returns>
    public (IReadOnlyList<string>? Lines, string? Problem) SourceLines(string inputRoot, string fullPath)
    {
        var loaded = Load(inputRoot, fullPath);
        if (loaded.Content is not { } content)
        {
            return (null, loaded.Failure is { Problems.Count: > 0 } failure ? failure.Problems[0].Message : "cannot read file");
        }

        var text = ChatLogDecoder.Decode(content, new ProblemLog(loaded.RelativePath, 0)).Text;
        return (TextLine.Split(text).Select(line => line.In(text).ToString()).ToList(), null);
    }

    /// <summary>Reads the content of a file.</summary>
    /// <param name="relativePath">Path relative to the input root; back slashes become forward slashes.</param>
    /// <param name="content">The raw bytes.</param>
    /// <returns>The day, its problems and its header count.</returns>
    public ChatLogReadResult Read(string relativePath, byte[] content)
    {
        var path = relativePath.Replace('\\', '/');
        var problems = new ProblemLog(path, options.MaxProblemsPerFile);
        var decoded = ChatLogDecoder.Decode(content, problems);
        var text = decoded.Text;
        if (!decoded.IsBinary && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(0, "empty file");
            return Result(path, DateFromFileName(path), NoFrontMatter, [], problems, 0);
        }

        var lines = TextLine.Split(text);
        ReportLoneCarriageReturns(text, lines, problems);
        var headers = CountHeaders(text, lines, out var firstHeader);
        if (decoded.IsBinary)
        {
            return Result(path, DateFromFileName(path), NoFrontMatter, [], problems, headers);
        }

        var frontMatter = FrontMatterReader.Read(text, lines, firstHeader, problems);
        var date = ResolveDate(path, frontMatter.Values, () => DateLine(text, lines, frontMatter.NextLine), problems);
        var messages = ReadMessages(path, text, lines, frontMatter.NextLine, date, problems);
        return Result(path, date, frontMatter.Values, messages, problems, headers);
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/>.</summary>
    private static byte[]? ReadAtMost(string fullPath, long limit)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int count;
        while ((count = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + count > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, count);
        }

        return buffer.ToArray();
    }

    private static ChatLogReaderOptions Validate(ChatLogReaderOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBodyLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxSpeakerLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFileBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxProblemsPerFile, nameof(options));
        return options;
    }

    // Lines end at LF (a CR before it is dropped), as grep -n and editors number them, so a CR alone ends no line: a file
    // of CR-only line endings is one line, and a header after a lone CR is text of the line it is on. Both are said.
    private static void ReportLoneCarriageReturns(string text, List<TextLine> lines, ProblemLog problems)
    {
        if (!text.Contains('\r', StringComparison.Ordinal))
        {
            return;
        }

        if (lines.Count == 1 && text.Contains("\r> ", StringComparison.Ordinal))
        {
            problems.Add(0, "lines end in CR only (classic Mac OS), so the file reads as one line and its messages are lost; convert the line endings to LF (tr '\\r' '\\n')");
            return;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].In(text);
            var cr = line.IndexOf('\r');
            while (cr >= 0)
            {
                var after = line[(cr + 1)..];
                if (TextLine.IsHeader(after) || MalformedHeaderDetector.Describe(after) is not null)
                {
                    problems.Add(i + 1, $"a message header after a lone carriage return (CR) at character {cr + 1} is text of this line, not a message; line endings must be LF or CRLF");
                }

                var next = after.IndexOf('\r');
                cr = next < 0 ? -1 : cr + 1 + next;
            }
        }
    }

    private static int CountHeaders(string text, List<TextLine> lines, out int firstHeader)
    {
        firstHeader = lines.Count;
        var count = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (TextLine.IsHeader(lines[i].In(text)))
            {
                firstHeader = Math.Min(firstHeader, i);
                count++;
            }
        }

        return count;
    }

    private ReadOnlyCollection<ChatMessage> ReadMessages(string path, string text, List<TextLine> lines, int from, DateOnly date, ProblemLog problems)
    {
        var messages = new List<ChatMessage>();
        var i = from;
        var preamble = 0;
        var preambleLine = 0;
        for (; i < lines.Count && !TextLine.IsHeader(lines[i].In(text)); i++)
        {
            if (!lines[i].In(text).IsWhiteSpace())
            {
                preamble++;
                preambleLine = preambleLine == 0 ? i + 1 : preambleLine;
                if (MalformedHeaderDetector.Describe(lines[i].In(text)) is { } faults)
                {
                    problems.Add(i + 1, $"malformed message header ({faults}): ignored with the text before the first message header");
                }
            }
        }

        if (preamble > 0)
        {
            problems.Add(preambleLine, $"{preamble} line(s) of text before the first message header ignored");
        }

        // Speakers repeat all day; parse each nick once per file (a local cache keeps the reader stateless).
        var speakers = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        var body = new StringBuilder();
        while (i < lines.Count)
        {
            var headerIndex = i;
            var header = lines[i].In(text);
            body.Clear();
            var bodyLength = 0;
            for (i++; i < lines.Count && !TextLine.IsHeader(lines[i].In(text)); i++)
            {
                if (MalformedHeaderDetector.Describe(lines[i].In(text)) is { } faults)
                {
                    problems.Add(i + 1, $"malformed message header ({faults}): kept as body text of the message on line {headerIndex + 1}");
                }

                bodyLength = AppendBodyLine(body, bodyLength, lines[i].In(text));
            }

            if (bodyLength > options.MaxBodyLength)
            {
                problems.Add(headerIndex + 1, $"message body of {bodyLength} characters cut to {options.MaxBodyLength}");
            }

            var lineNumber = headerIndex + 1;
            var time = ReadTime(header, lineNumber, problems);
            var speaker = ReadSpeaker(header[10..], lineNumber, speakers, problems);
            if (MalformedHeaderDetector.Describe(header) is { } headerFaults)
            {
                problems.Add(lineNumber, $"malformed message header ({headerFaults}): read as {time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}, speaker '{speaker.Raw}'");
            }

            // Merged exports put twins up to a couple of seconds out of order; anything further back (a log past midnight,
            // days concatenated, a hand edit) would make time gaps negative downstream, so say so.
            if (messages.Count > 0 && messages[^1].Time.TimeOfDay - time.ToTimeSpan() > TimeOrderTolerance)
            {
                problems.Add(lineNumber, $"time {time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} is before the {messages[^1].Time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} of the message on line {messages[^1].Source.Line}: kept in file order, dated {date:yyyy-MM-dd}");
            }

            var parsed = MessageBodyParser.Parse(body.ToString());
            messages.Add(new ChatMessage(
                new SourceRef(path, lineNumber),
                date.ToDateTime(time),
                speaker,
                parsed.Text,
                parsed.Kind,
                parsed.Mentions,
                parsed.Quote));
        }

        return messages.AsReadOnly();
    }

    /// <summary>
    /// Appends one body line without its trailing hard break; blank separator lines are dropped.
    /// Stops copying at <see cref="ChatLogReaderOptions.MaxBodyLength"/> but keeps counting, so a 10 MB line
    /// costs one pass and the report can say how long the body was.
    /// </summary>
    private int AppendBodyLine(StringBuilder body, int bodyLength, ReadOnlySpan<char> line)
    {
        line = line.TrimEnd(" \t\r");
        if (line.IsWhiteSpace())
        {
            return bodyLength;
        }

        var separator = bodyLength > 0 ? 1 : 0;
        var room = options.MaxBodyLength - body.Length;
        if (room > 0)
        {
            if (separator == 1)
            {
                body.Append('\n');
                room--;
            }

            body.Append(line[..TextPrefix.Length(line, room)]);
        }

        return bodyLength + separator + line.Length;
    }

    private static TimeOnly ReadTime(ReadOnlySpan<char> header, int line, ProblemLog problems)
    {
        var hour = (header[2] - '0') * 10 + header[3] - '0';
        var minute = (header[5] - '0') * 10 + header[6] - '0';
        var second = (header[8] - '0') * 10 + header[9] - '0';
        if (hour <= 23 && minute <= 59 && second <= 59)
        {
            return new TimeOnly(hour, minute, second);
        }

        // Past the day's last hour (24:00:00 is its end) is the day's last second; otherwise each field at most its largest.
        var clamped = hour > 23 ? new TimeOnly(23, 59, 59) : new TimeOnly(hour, Math.Min(minute, 59), Math.Min(second, 59));
        problems.Add(line, $"impossible time {header[2..10]}: read as {clamped.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}");
        return clamped;
    }

    private Speaker ReadSpeaker(ReadOnlySpan<char> rest, int line, Dictionary<string, Speaker> speakers, ProblemLog problems)
    {
        rest = rest.Trim();
        if (rest.Length == 0)
        {
            problems.Add(line, "message header without a speaker");
        }
        else if (rest.Length > options.MaxSpeakerLength)
        {
            problems.Add(line, $"speaker of {rest.Length} characters cut to {options.MaxSpeakerLength}");
            rest = rest[..TextPrefix.Length(rest, options.MaxSpeakerLength)];
        }

        var lookup = speakers.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(rest, out var known))
        {
            return known;
        }

        var raw = rest.ToString();
        var speaker = SpeakerParser.Parse(raw);
        speakers[raw] = speaker;
        return speaker;
    }

    // The 1-based line of the front matter's last 'date:' key (the one YAML keeps), or 0.
    private static int DateLine(string text, List<TextLine> lines, int frontMatterEnd)
    {
        var found = 0;
        for (var i = 0; i < Math.Min(lines.Count, frontMatterEnd); i++)
        {
            var line = lines[i].In(text);
            if (line.StartsWith("date", StringComparison.Ordinal) && line[4..].TrimStart(" \t").StartsWith(':'))
            {
                found = i + 1;
            }
        }

        return found;
    }

    // dateLine finds the front matter's date line, looked for only when there is a problem to report on it.
    private static DateOnly ResolveDate(string path, IReadOnlyDictionary<string, string> frontMatter, Func<int> dateLine, ProblemLog problems)
    {
        var fromName = DateFromFileName(path);
        if (!frontMatter.TryGetValue("date", out var value))
        {
            if (fromName == DateOnly.MinValue)
            {
                problems.Add(0, "no date: no front matter 'date' and the file name does not start with YYYY-MM-DD");
            }

            return fromName;
        }

        if (!TryParseDate(value.Trim(), out var date))
        {
            problems.Add(dateLine(), fromName == DateOnly.MinValue
                ? $"front matter date '{value}' is not a date, and the file name has none"
                : $"front matter date '{value}' is not a date: using the file name's date");
            return fromName;
        }

        if (fromName != DateOnly.MinValue && fromName != date)
        {
            problems.Add(dateLine(), $"front matter date {date:yyyy-MM-dd} differs from the file name's {fromName:yyyy-MM-dd}: using the front matter");
        }

        return date;
    }

    private static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Length > 10 ? value[..10] : value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && (value.Length == 10 || !char.IsAsciiDigit(value[10]));

    /// <summary>The date a file name starts with (<c>2018-03-05-chat.markdown</c>), or <see cref="DateOnly.MinValue"/>.</summary>
    private static DateOnly DateFromFileName(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length >= 10 && TryParseDate(name, out var date) ? date : DateOnly.MinValue;
    }

    private ChatLogReadResult Unread(string path, string problem)
    {
        var problems = new ProblemLog(path, options.MaxProblemsPerFile);
        problems.Add(0, problem);
        return Result(path, DateFromFileName(path), NoFrontMatter, [], problems, 0);
    }

    private static ChatLogReadResult Result(
        string path,
        DateOnly date,
        IReadOnlyDictionary<string, string> frontMatter,
        IReadOnlyList<ChatMessage> messages,
        ProblemLog problems,
        int headers) =>
        new(new ChatDay(path, ChatGroup.Of(path), date, frontMatter, messages), problems.ToList(), headers);
}
