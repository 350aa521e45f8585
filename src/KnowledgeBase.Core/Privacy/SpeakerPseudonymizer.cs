using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Privacy;

/// <summary>
/// Gives every person of a document a stable pseudonym such as <c>成员-7F3A</c>: the first hex digits of a keyed hash
/// (HMAC-SHA256) of the person's normalised name, lengthened only where two people of the document would collide.
/// A person is a speaker's parsed name (so a nick that only changes its company or role suffix keeps its pseudonym),
/// an expert's name, or an @mention.
/// </summary>
internal sealed class SpeakerPseudonymizer
{
    private const string Prefix = "成员-";
    private const int ShortestHex = 4;
    private const int MaxSurfaceLength = 64;

    private readonly Dictionary<string, string> byPerson;
    private readonly Dictionary<string, string> bySurface;
    private readonly byte[] key;

    private SpeakerPseudonymizer(byte[] key, IEnumerable<string> surfaces, Func<string, string> person)
    {
        this.key = key;
        var surfaceList = surfaces.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var people = surfaceList.Select(person).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Sorted hashes: a person's shortest unshared prefix is one longer than its longest common prefix with a neighbour.
        var sorted = people.Select(p => (Person: p, Hash: Hash(p))).OrderBy(h => h.Hash, StringComparer.Ordinal).ToList();
        byPerson = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            var shared = Math.Max(
                i > 0 ? CommonPrefix(sorted[i].Hash, sorted[i - 1].Hash) : 0,
                i + 1 < sorted.Count ? CommonPrefix(sorted[i].Hash, sorted[i + 1].Hash) : 0);
            var length = Math.Max(ShortestHex, (shared + 2) / 2 * 2);
            byPerson[sorted[i].Person] = Prefix + sorted[i].Hash[..length];
        }

        bySurface = surfaceList.Where(s => s.Length <= MaxSurfaceLength).ToDictionary(s => s, s => byPerson[person(s)], StringComparer.Ordinal);
    }

    /// <summary>Collects every person of a document: speakers (raw nick and parsed name), @mentions and experts.</summary>
    public static SpeakerPseudonymizer For(KnowledgeBaseDocument document, string? secret)
    {
        var key = secret is null ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
        var personOfSurface = new Dictionary<string, string>(StringComparer.Ordinal);
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
            Add(message.Speaker.Name, message.Speaker.Name);
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
        }

        return new SpeakerPseudonymizer(key, personOfSurface.Keys, s => personOfSurface[s]);
    }

    /// <summary>The pseudonym of a nick, name or mention; one not seen in the document still gets a stable one.</summary>
    public string Of(string surface)
    {
        if (bySurface.TryGetValue(surface, out var known))
        {
            return known;
        }

        var person = NameKey.Of(surface);
        return byPerson.TryGetValue(person, out var same) ? same : Prefix + Hash(person)[..ShortestHex];
    }

    /// <summary>Replaces known names after <c>@</c> (and the quoted name in <c>「name：…」</c>) with their pseudonyms.</summary>
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

            for (var length = Math.Min(MaxSurfaceLength, text.Length - i); length > 0; length--)
            {
                if (bySurface.TryGetValue(text.Substring(i, length), out var pseudonym))
                {
                    builder.Append(pseudonym);
                    i += length;
                    break;
                }
            }
        }

        return builder.ToString();
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

    private static int CommonPrefix(string a, string b) => a.AsSpan().CommonPrefixLength(b);

    private string Hash(string person) =>
        Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(person)));
}
