using System.Collections.Frozen;
using System.Text;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Names as they sound: a nick in Chinese characters spelled in toneless pinyin, so that it can be compared with one
/// written in Latin letters (曹志杨 and <c>caozhiyang</c>) or with a homophone (@紫杨 for 志杨). Members choose such
/// nicks freely, and the merged-export and mention evidence the directory gathers does not always link them.
/// </summary>
internal static class Romanisation
{
    private const string ResourceName = "KnowledgeBase.Core.Data.pinyin.txt";

    private static readonly Lazy<FrozenDictionary<char, string>> Readings = new(Load);

    /// <summary>
    /// The name spelled in Latin letters: each Chinese character by its pinyin, Latin letters and digits kept, anything
    /// else (separators, punctuation, emoji) left out; lower-case, with the retroflex initials zh, ch and sh folded into
    /// z, c and s, which many speakers do not tell apart in nicknames (紫杨 for 志杨). Empty when a character has no
    /// known reading or nothing is left.
    /// </summary>
    /// <param name="name">A normalised name (<see cref="NameKey.Of"/>).</param>
    /// <returns>The folded spelling and how many Chinese characters it spells.</returns>
    public static NameSound Of(string name)
    {
        var syllables = 0;
        var readings = Readings.Value;
        var builder = new StringBuilder(name.Length * 3);
        foreach (var c in name)
        {
            // NameKey.Of has lower-cased the letters.
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is >= '\u4e00' and <= '\u9fff')
            {
                if (!readings.TryGetValue(c, out var reading))
                {
                    return NameSound.None;
                }

                builder.Append(reading);
                syllables++;
            }
        }

        return builder.Length == 0
            ? NameSound.None
            : new NameSound(builder.Replace("zh", "z").Replace("ch", "c").Replace("sh", "s").ToString(), syllables);
    }

    private static FrozenDictionary<char, string> Load()
    {
        using var stream = typeof(Romanisation).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The pinyin table {ResourceName} is not embedded in {typeof(Romanisation).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var readings = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            var reading = line[..tab];
            foreach (var c in line.AsSpan(tab + 1))
            {
                readings.TryAdd(c, reading);
            }
        }

        return readings.ToFrozenDictionary();
    }
}
