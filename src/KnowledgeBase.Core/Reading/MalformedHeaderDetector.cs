namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Finds lines that try to be a message header <c>&gt; HH:MM:SS  Speaker</c> and miss: a <c>&gt;</c> (perhaps indented)
/// followed by something time-like, <c>H:M</c> with one or two digits each (<c>&gt; 9:5:1  wujn</c>,
/// <c>&gt;12:00:00 Name</c>, <c> &gt; 10:00:04  Name</c>, <c>&gt;  10:00:05  Name</c> with two spaces after
/// <c>&gt;</c>), and headers whose time runs into the speaker (<c>&gt; 12:00:00Name</c>). A Markdown quote in a body
/// (<c>&gt; 原话</c>, <c>&gt; &gt; &gt;</c>) is not time-like and is left alone. In the real corpus no line but a
/// well-formed header starts with <c>&gt;</c>. Look-alike characters count as what they look like, and are named: a
/// byte-order mark or zero-width space before the <c>&gt;</c>, a no-break or ideographic space, a full-width
/// <c>＞</c>, full-width digits or colons in the time.
/// </summary>
internal static class MalformedHeaderDetector
{
    private const int MaxShownTime = 16;

    // How far into a line look-alikes are looked for: the '>', the spaces and the time, with room for a few extra.
    private const int LookAlikeReach = 24;

    private static readonly System.Buffers.SearchValues<char> LookAlikes = System.Buffers.SearchValues.Create(
        "\uFEFF\u200B\u200C\u200D\u2060\u00A0\u3000\uFF1E\uFF1A\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19");

    /// <summary>What is wrong with a line that tries to be a message header, or null when it is not such a line.</summary>
    /// <param name="line">One line, without its line ending.</param>
    /// <returns>The faults, comma-separated (<c>no space after '&gt;', time '9:5:1' must be HH:MM:SS</c>), or null.</returns>
    public static string? Describe(ReadOnlySpan<char> line)
    {
        var reach = line[..Math.Min(line.Length, LookAlikeReach)];
        if (TextLine.IsHeader(line) || reach.IndexOfAny(LookAlikes) < 0)
        {
            return DescribeAscii(line);
        }

        // What the line would be with plain characters up to its speaker: a header, or a header attempt, is reported
        // with the look-alikes it used.
        var plain = new System.Text.StringBuilder(line.Length);
        var used = new List<string>(2);
        var end = 0;
        for (; end < reach.Length && (reach[end] is '>' or ' ' or '\t' or ':' || char.IsAsciiDigit(reach[end]) || LookAlikes.Contains(reach[end])); end++)
        {
            var c = reach[end];
            var (replacement, name) = c switch
            {
                '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' => ((char?)null, $"invisible character U+{(int)c:X4}"),
                '\u00A0' or '\u3000' => (' ', $"U+{(int)c:X4} for a space"),
                '\uFF1E' => ('>', "full-width '＞' for '>'"),
                '\uFF1A' => (':', "full-width '：' for ':'"),
                >= '\uFF10' and <= '\uFF19' => ((char)('0' + (c - '\uFF10')), "full-width digits"),
                _ => (c, null),
            };
            if (replacement is { } r)
            {
                plain.Append(r);
            }

            if (name is not null && !used.Contains(name))
            {
                used.Add(name);
            }
        }

        var normal = plain.Append(line[end..]).ToString();
        var faults = DescribeAscii(normal);
        return faults is null && !TextLine.IsHeader(normal) ? null : string.Join(", ", faults is null ? used : [.. used, faults]);
    }

    private static string? DescribeAscii(ReadOnlySpan<char> line)
    {
        if (TextLine.IsHeader(line))
        {
            // The reader takes a well-formed header's time from its first ten characters; anything glued to them is a fault.
            return line.Length == 10 || char.IsWhiteSpace(line[10])
                ? null
                : char.IsAsciiDigit(line[10]) || line[10] == ':'
                    ? $"time '{Shown(line[2..(2 + TimeLength(line[2..]))])}' must be HH:MM:SS"
                    : "no space after the time";
        }

        var quote = line.IndexOfAnyExcept(" \t");
        if (quote < 0 || line[quote] != '>')
        {
            return null;
        }

        var afterQuote = line[(quote + 1)..];
        var start = afterQuote.IndexOfAnyExcept(" \t");
        if (start < 0 || !IsTimeLike(afterQuote[start..]))
        {
            return null;
        }

        var faults = new List<string>(4);
        if (quote > 0)
        {
            faults.Add("'>' not at the start of the line");
        }

        if (start == 0)
        {
            faults.Add("no space after '>'");
        }
        else if (start > 1)
        {
            faults.Add("more than one space or tab after '>'");
        }

        var time = afterQuote[start..];
        var timeLength = TimeLength(time);
        if (!IsWellFormedTime(time[..timeLength]))
        {
            faults.Add($"time '{Shown(time[..timeLength])}' must be HH:MM:SS");
        }

        var rest = time[timeLength..];
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
        {
            faults.Add("no space after the time");
        }

        if (rest.IsWhiteSpace())
        {
            faults.Add("no speaker");
        }

        // The rules above name a fault for every line that gets here; should one slip through, it is still said what a
        // header must look like, never an empty list.
        return faults.Count > 0 ? string.Join(", ", faults) : "not of the form '> HH:MM:SS  Speaker'";
    }

    /// <summary>One or two digits, a colon, one or two digits.</summary>
    private static bool IsTimeLike(ReadOnlySpan<char> text)
    {
        var hour = LeadingDigits(text);
        if (hour is < 1 or > 2 || text.Length <= hour || text[hour] != ':')
        {
            return false;
        }

        var minute = LeadingDigits(text[(hour + 1)..]);
        return minute is 1 or 2;
    }

    private static bool IsWellFormedTime(ReadOnlySpan<char> time) =>
        time.Length == 8 && time[2] == ':' && time[5] == ':' && LeadingDigits(time) == 2
        && LeadingDigits(time[3..]) == 2 && LeadingDigits(time[6..]) == 2;

    private static int LeadingDigits(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAnyExceptInRange('0', '9');
        return end < 0 ? text.Length : end;
    }

    /// <summary>Length of the run of ASCII digits and colons the time is written in.</summary>
    private static int TimeLength(ReadOnlySpan<char> text)
    {
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == ':'))
        {
            end++;
        }

        return end;
    }

    private static string Shown(ReadOnlySpan<char> time) =>
        time.Length <= MaxShownTime ? time.ToString() : $"{time[..MaxShownTime]}…";
}
