namespace KnowledgeBase.Core.Reading;

/// <summary>One line of a decoded file: where it starts and how long it is, without its line ending.</summary>
internal readonly record struct TextLine(int Start, int Length)
{
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    /// <summary>Splits on <c>\n</c>, dropping a <c>\r</c> before it, so line numbers match <c>grep -n</c>.</summary>
    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>(text.Length / 32 + 1);
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var length = end - start;
            if (newline >= 0 && length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            lines.Add(new TextLine(start, length));
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return lines;
    }

    /// <summary>
    /// True for a message header, <c>&gt; HH:MM:SS</c> at the very start of the line (ASCII digits); a tab may stand for
    /// the space after <c>&gt;</c>, as it may for the spaces after the time (an editor that turns spaces into tabs).
    /// </summary>
    public static bool IsHeader(ReadOnlySpan<char> line) =>
        line.Length >= 10
        && line[0] == '>' && line[1] is ' ' or '\t'
        && char.IsAsciiDigit(line[2]) && char.IsAsciiDigit(line[3]) && line[4] == ':'
        && char.IsAsciiDigit(line[5]) && char.IsAsciiDigit(line[6]) && line[7] == ':'
        && char.IsAsciiDigit(line[8]) && char.IsAsciiDigit(line[9]);
}
