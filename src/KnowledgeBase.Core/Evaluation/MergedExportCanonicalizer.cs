using System.Text;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Evaluation;

/// <summary>
/// Names each message of a day merged from two exports by one line. Such a day repeats every message under a second
/// speaker name, with the same text, at most 2 seconds and 3 messages later (pairs may cross); the repeat is mapped to
/// the first header line. A copy of <c>score.py</c>'s <c>canon_map</c> over <c>listmsgs.py</c>'s parsing, on purpose
/// independent of the pipeline's reader so that the scorer keeps naming messages exactly as the labels do.
/// </summary>
internal static partial class MergedExportCanonicalizer
{
    private const int Window = 3;
    private const int MaxSeconds = 2;

    /// <summary>Maps every header line of the file to its canonical line; empty when the file does not exist.</summary>
    public static IReadOnlyDictionary<int, int> Map(string chatLogPath)
    {
        if (!File.Exists(chatLogPath))
        {
            return new Dictionary<int, int>();
        }

        var messages = ReadMessages(chatLogPath);
        var map = new Dictionary<int, int>(messages.Count);
        for (int i = 0; i < messages.Count; i++)
        {
            ListedMessage current = messages[i];
            map[current.Line] = current.Line;
            if (current.Text.Length == 0)
            {
                continue;
            }

            for (int k = Math.Max(0, i - Window); k < i; k++)
            {
                ListedMessage earlier = messages[k];
                if (earlier.Text == current.Text
                    && earlier.Speaker != current.Speaker
                    && Math.Abs(current.Seconds - earlier.Seconds) <= MaxSeconds
                    && map[earlier.Line] == earlier.Line)
                {
                    map[current.Line] = earlier.Line;
                    break;
                }
            }
        }

        return map;
    }

    /// <summary>Lists a chat log's messages as <c>listmsgs.py</c>'s <c>messages()</c> does.</summary>
    public static IReadOnlyList<ListedMessage> ReadMessages(string chatLogPath)
    {
        // Python's open(..., encoding='utf-8').read(): strict UTF-8, a BOM kept as U+FEFF, universal newlines.
        string text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
            .GetString(File.ReadAllBytes(chatLogPath))
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace('\r', '\n');
        string[] lines = text.Split('\n');

        int start = 0;
        if (PythonText.Strip(lines[0]) == "---")
        {
            start = 1;
            while (start < lines.Length && PythonText.Strip(lines[start]) != "---")
            {
                start++;
            }

            start++;
        }

        var messages = new List<ListedMessage>();
        (int Line, string Time, string Speaker, List<string> Body)? current = null;
        for (int n = start; n < lines.Length; n++)
        {
            Match header = Header().Match(lines[n]);
            if (header.Success)
            {
                if (current is { } done)
                {
                    messages.Add(new ListedMessage(done.Line, done.Time, done.Speaker, string.Join(' ', done.Body)));
                }

                current = (n + 1, header.Groups[1].Value, header.Groups[2].Value, []);
            }
            else if (current is { } open && PythonText.Strip(lines[n]).Length > 0)
            {
                open.Body.Add(PythonText.Strip(lines[n]));
            }
        }

        if (current is { } last)
        {
            messages.Add(new ListedMessage(last.Line, last.Time, last.Speaker, string.Join(' ', last.Body)));
        }

        return messages;
    }

    // listmsgs.py's HEADER, ^> (\d{2}:\d{2}:\d{2})\s+(.*?)\s*$, with Python's \s (which adds U+001C..U+001F to .NET's).
    [GeneratedRegex(@"^> (\d{2}:\d{2}:\d{2})[\s\x1c-\x1f]+(.*?)[\s\x1c-\x1f]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
