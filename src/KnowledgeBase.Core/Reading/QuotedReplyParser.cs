using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Reads WeChat quoted replies: <c>「name：quoted」 - - - - reply</c>, with spaces or an ASCII colon inside
/// the brackets, with an empty reply, and with the brackets lost to <c>?</c> (<c>? name: quoted ? - - - - reply</c>).
/// </summary>
public static partial class QuotedReplyParser
{
    /// <summary>Longest name accepted before the colon; a longer head is text with a colon in it, not a name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Returns the quoted reply <paramref name="body"/> holds, or null when it is not one.</summary>
    /// <param name="body">Decoded message body.</param>
    /// <returns>The quote, or null.</returns>
    public static QuotedReply? Parse(string body)
    {
        var start = 0;
        while (start < body.Length && char.IsWhiteSpace(body[start]))
        {
            start++;
        }

        if (start >= body.Length)
        {
            return null;
        }

        Match separator;
        if (body[start] == '「')
        {
            separator = BracketSeparator().Match(body, start + 1);
        }
        else if (body[start] == '?' && start + 1 < body.Length && char.IsWhiteSpace(body[start + 1]))
        {
            separator = LostBracketSeparator().Match(body, start + 1);
        }
        else
        {
            return null;
        }

        if (!separator.Success)
        {
            return null;
        }

        var head = body.AsSpan(start + 1, separator.Index - start - 1);
        var colon = head.IndexOfAny('：', ':');
        if (colon < 0)
        {
            return null;
        }

        var name = head[..colon].Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return null;
        }

        var quoted = head[(colon + 1)..].Trim().ToString();
        var reply = body[(separator.Index + separator.Length)..].Trim();
        return new QuotedReply(name.ToString(), quoted, reply);
    }

    // The closing bracket, then at least four dashes separated by spaces: "」 - - - - - - -".
    [GeneratedRegex(@"」[ \t\u3000]*-(?:[ \t\u3000]*-){3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BracketSeparator();

    // The same with the bracket lost to '?', which then needs a space on each side: " ? - - - -".
    [GeneratedRegex(@"[ \t\u3000]\?[ \t\u3000]+-(?:[ \t\u3000]*-){3,}", RegexOptions.CultureInvariant)]
    private static partial Regex LostBracketSeparator();
}
