using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Privacy;

/// <summary>
/// Gives every person of a document a stable pseudonym such as <c>成员-7F3A09C2</c>: the first eight hex digits of a keyed
/// hash (HMAC-SHA256) of the person's normalised name, so with the same key a person has the same pseudonym in every
/// export, whoever else is in it. Only two people of one document who share those eight digits get more, as many as tell
/// them apart (the odds that a document with the corpus's 1,600 people has such a pair are about 1 in 3,000).
/// A person is a speaker's parsed name (so a nick that only changes its company or role suffix keeps its pseudonym),
/// an expert's name, or an @mention. In free text, names are replaced after <c>@</c> (with the rest of the nick after
/// the name: <c>@Tom 张三-丰瑞祥-GM-BJ</c> goes whole where the document knows the person as Tom 张三), in quotes
/// and answer attributions, and anywhere for names that are safe to look for: nicks of five or more characters with
/// Chinese in them, and Chinese names of three or four characters starting with a common surname. Two-character names
/// (程昱) and Latin nicks are left alone in running text because too many of them are ordinary words (支付, 成都, Tree,
/// Wall). A name that is already a pseudonym (a faq.json an earlier anonymized export wrote) is kept as it is: its hash
/// cannot be recomputed without the real name, and read back as a nick it would parse as the name 成员 of every such
/// person.
/// </summary>
internal sealed class SpeakerPseudonymizer
{
    private const string Prefix = "成员-";
    // With four digits 37 of the corpus's 1,600 people collided, and lengthening theirs made a pseudonym depend on who else
    // was exported; with eight a collision is rare enough that lengthening the two who share them is only a safety net.
    private const int Hex = 8;
    // Exports before pseudonyms had eight digits wrote four or more.
    private const int ShortestHex = 4;
    private const int MaxSurfaceLength = 64;
    private readonly Dictionary<string, string> byPerson;
    private readonly Dictionary<string, string> bySurface;
    private readonly Dictionary<string, string> inText;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> inTextLookup;
    private readonly int[] inTextLengths;
    private readonly HashSet<string> personKeys;
    private readonly HashSet<string> nickParts;
    private readonly byte[] key;

    /// <summary>Whether a nick is a pseudonym this class gives (<c>成员-</c> and at least four upper-case hex digits).</summary>
    /// <param name="nick">A speaker's nick.</param>
    /// <returns>True for a pseudonym.</returns>
    public static bool IsPseudonym(string nick) => LeadingPseudonym(nick)?.Length == nick.Length;

    private SpeakerPseudonymizer(byte[] key, IEnumerable<string> surfaces, Func<string, string> person, IEnumerable<string> nickParts)
    {
        this.key = key;
        this.nickParts = nickParts.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var surfaceList = surfaces.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var people = surfaceList.Where(s => LeadingPseudonym(s) is null).Select(person).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Sorted hashes: a person's shortest unshared prefix is one longer than its longest common prefix with a neighbour.
        var sorted = people.Select(p => (Person: p, Hash: Hash(p))).OrderBy(h => h.Hash, StringComparer.Ordinal).ToList();
        byPerson = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            var shared = Math.Max(
                i > 0 ? CommonPrefix(sorted[i].Hash, sorted[i - 1].Hash) : 0,
                i + 1 < sorted.Count ? CommonPrefix(sorted[i].Hash, sorted[i + 1].Hash) : 0);
            var length = Math.Max(Hex, (shared + 2) / 2 * 2);
            byPerson[sorted[i].Person] = Prefix + sorted[i].Hash[..length];
        }

        bySurface = surfaceList.Where(s => s.Length <= MaxSurfaceLength)
            .ToDictionary(s => s, s => LeadingPseudonym(s) ?? byPerson[person(s)], StringComparer.Ordinal);
        inText = bySurface.Where(p => SafeInText(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        inTextLookup = inText.GetAlternateLookup<ReadOnlySpan<char>>();
        inTextLengths = inText.Keys.Select(k => k.Length).Distinct().OrderDescending().ToArray();
        personKeys = surfaceList.Select(NameKey.Of).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Collects every person of a document: speakers (raw nick and parsed name), @mentions and experts.</summary>
    public static SpeakerPseudonymizer For(KnowledgeBaseDocument document, string? secret)
    {
        var key = secret is null ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
        var personOfSurface = new Dictionary<string, string>(StringComparer.Ordinal);
        var nickParts = new List<string>();
        void Add(string surface, string name)
        {
            if (!string.IsNullOrWhiteSpace(surface))
            {
                personOfSurface.TryAdd(surface, NameKey.Of(string.IsNullOrWhiteSpace(name) ? surface : name));
            }
        }

        foreach (var message in document.Exchanges.SelectMany(e => e.Messages).Select(m => m.Message))
        {
            Add(message.Speaker.Raw, message.Speaker.Name);
            // A pseudonym parses as the name 成员 (of company 6A34), which all of them share: it is no name to look for.
            if (LeadingPseudonym(message.Speaker.Raw) is null)
            {
                Add(message.Speaker.Name, message.Speaker.Name);
                nickParts.AddRange(NickParts(message.Speaker));
            }
        }

        foreach (var message in document.Exchanges.SelectMany(e => e.Messages).Select(m => m.Message))
        {
            foreach (var mention in message.Mentions)
            {
                Add(mention, mention);
            }

            if (message.Quote is not null)
            {
                Add(message.Quote.Name, message.Quote.Name);
            }
        }

        foreach (var expert in document.Entries.SelectMany(e => e.Experts))
        {
            Add(expert.Name, expert.Name);
            nickParts.AddRange(new[] { expert.Company, expert.Role }.OfType<string>());
        }

        // An entry shows a mention inside a sentence by the person's name (ChatText.Clean: "我的看法和@张三 一致", of
        // "@张三-丰瑞祥-GM-BJ"), and one the reader did not list (in a quote) too: that name is the mentioned person's.
        foreach (var message in document.Exchanges.SelectMany(e => e.Messages).Select(m => m.Message))
        {
            foreach (var span in MentionedNick.Spans(message.Text, message.Mentions))
            {
                var shown = span.Everyone || LeadingPseudonym(span.Name) is not null ? string.Empty : MentionedNick.Name(message.Text[span.NickStart..span.NickEnd]);
                if (!string.IsNullOrWhiteSpace(shown))
                {
                    personOfSurface.TryAdd(shown, personOfSurface.TryGetValue(span.Name, out var person) ? person : NameKey.Of(shown));
                }
            }
        }

        return new SpeakerPseudonymizer(key, personOfSurface.Keys, s => personOfSurface[s], nickParts);
    }

    // The company, role and city of a nick that follows the name-company-role-city habit, as parsed and as written
    // ("钟文帅-天下支付PM-深圳": 天下支付, PM, 深圳 and 天下支付PM); every written part but the name, wherever the nick
    // puts it ("廊坊银行-架构师-朱文义": 廊坊银行 and 架构师).
    private static IEnumerable<string> NickParts(Speaker speaker)
    {
        if (speaker.Company is null && speaker.Role is null && speaker.City is null)
        {
            return [];
        }

        var written = speaker.Raw.Split(MentionedNick.SeparatorChars, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var name = Math.Max(written.IndexOf(speaker.Name), 0);
        return written.Where((_, i) => i != name).Concat(new[] { speaker.Company, speaker.Role, speaker.City }.OfType<string>());
    }

    /// <summary>The pseudonym of a nick, name or mention; one not seen in the document still gets a stable one.</summary>
    public string Of(string surface)
    {
        if (bySurface.TryGetValue(surface, out var known))
        {
            return known;
        }

        var person = NameKey.Of(surface);
        return byPerson.TryGetValue(person, out var same) ? same : Prefix + Hash(person)[..Hex];
    }

    /// <summary>Replaces known names after <c>@</c> (and the quoted name in <c>「name：…」</c> or <c>「 name: …」</c>) with their pseudonyms.</summary>
    public string ReplaceMentions(string text)
    {
        if (text.IndexOfAny(['@', '＠', '「']) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            builder.Append(c);
            i++;
            if (c is not ('@' or '＠' or '「'))
            {
                continue;
            }

            // "「 王文: …」": some quotes have spaces before the name, which QuotedReplyParser reads past too.
            var start = i;
            while (c == '「' && start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            // "@[澳觅支付_PM]Flugel-Yan": a company or role in brackets before the name goes with it.
            var at = start;
            if (!NameAt(text, at, out var pseudonym, out var length) && c is '@' or '＠' && at < text.Length && text[at] is '[' or '【')
            {
                var close = text.IndexOf(text[at] == '[' ? ']' : '】', at + 1);
                if (close > at && close - at <= MaxSurfaceLength && NameAt(text, close + 1, out pseudonym, out length))
                {
                    at = close + 1;
                }
            }

            if (pseudonym is not null)
            {
                builder.Append(text, i, start - i).Append(pseudonym);
                // The rest of a nick the name stopped short of ("@网联 张腕越?", "@Tom 张三-丰瑞祥-GM-BJ 哦") names the
                // person too: it goes with it. The document's people's companies, roles and cities tell it too.
                i = c == '「' ? at + length : MentionedNick.End(text, at, at + length, nickParts.Contains);
            }
        }

        return builder.ToString();
    }

    // The longest name of the document's people that starts at index start of text.
    private bool NameAt(string text, int start, out string? pseudonym, out int length)
    {
        for (length = Math.Min(MaxSurfaceLength, text.Length - start); length > 0; length--)
        {
            if (bySurface.TryGetValue(text.Substring(start, length), out pseudonym))
            {
                return true;
            }
        }

        pseudonym = null;
        return false;
    }

    /// <summary>
    /// Replaces the attribution at the start of each answer line, <c>钟文帅（天下支付·PM）：…</c> or <c>钟文帅：…</c>, with the
    /// speaker's pseudonym; company and role go too. Only names of the document's people are replaced.
    /// </summary>
    public string ReplaceAttributions(string answer)
    {
        var lines = answer.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf('：', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var head = lines[i][..colon];
            var paren = head.IndexOf('（', StringComparison.Ordinal);
            var name = paren > 0 && head.EndsWith('）') ? head[..paren] : head;
            if (bySurface.TryGetValue(name, out var pseudonym))
            {
                lines[i] = pseudonym + lines[i][colon..];
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Replaces the names that are safe to look for (see the class summary) wherever they occur.</summary>
    public string ReplaceNames(string text)
    {
        if (inTextLengths.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var replaced = false;
            foreach (var length in inTextLengths)
            {
                if (length <= text.Length - i && inTextLookup.TryGetValue(text.AsSpan(i, length), out var pseudonym))
                {
                    builder.Append(pseudonym);
                    i += length;
                    replaced = true;
                    break;
                }
            }

            if (!replaced)
            {
                builder.Append(text[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when a keyword is the name of one of the document's people.</summary>
    public bool IsName(string keyword) => personKeys.Contains(NameKey.Of(keyword));

    private static bool SafeInText(string surface)
    {
        var cjk = surface.Count(c => c is >= '\u4e00' and <= '\u9fff');
        if (surface.Length >= 5 && cjk > 0)
        {
            return true;
        }

        return surface.Length is 3 or 4 && cjk == surface.Length && SpeakerVocabulary.StartsWithCommonSurname(surface);
    }

    // The pseudonym a name is or starts with: an earlier export left the rest of a nick after some mentioned pseudonyms
    // ("@成员-5C27F6BC-丰瑞祥-GM-BJ"), which goes with the pseudonym here.
    private static string? LeadingPseudonym(string surface)
    {
        if (!surface.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = Prefix.Length;
        while (end < surface.Length && char.IsAsciiHexDigitUpper(surface[end]))
        {
            end++;
        }

        var pseudonym = end - Prefix.Length >= ShortestHex && (end == surface.Length || surface[end] is '-' or '|' or '_' or '－' or '｜' or '—' or '～' or '~');
        return pseudonym ? surface[..end] : null;
    }

    private static int CommonPrefix(string a, string b) => a.AsSpan().CommonPrefixLength(b);

    private string Hash(string person) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(person)));
}
