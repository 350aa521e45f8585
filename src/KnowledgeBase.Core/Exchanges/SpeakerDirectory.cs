using System.Collections.Frozen;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// Resolves an <c>@mention</c> to one of a day's speakers. Mentions use a member's group nickname at that time, which
/// often differs from the name in the headers (<c>@钟文帅-天下支付PM-深圳</c> addresses <c>钟</c>), so the directory
/// weighs evidence gathered across the corpus: exact and prefix name matches, names that sound alike (<c>@紫杨</c> for
/// <c>caozhiyang</c>), nick pairs from days merged from two exports, and who tends to speak right after being mentioned.
/// </summary>
public sealed class SpeakerDirectory
{
    private const double MinimumScore = 3;

    private readonly FrozenDictionary<(string, string), int> _aliases;
    private readonly FrozenDictionary<(string, string), int> _answeredAfterMention;
    private readonly FrozenDictionary<string, int> _mentionCounts;
    private readonly FrozenDictionary<string, SpeakerProfile> _profiles;
    private readonly FrozenDictionary<string, Speaker> _attributed;

    internal SpeakerDirectory(
        IReadOnlyDictionary<(string, string), int> aliases,
        IReadOnlyDictionary<(string, string), int> answeredAfterMention,
        IReadOnlyDictionary<string, int> mentionCounts,
        IReadOnlyDictionary<string, SpeakerProfile>? profiles = null)
    {
        _aliases = aliases.ToFrozenDictionary();
        _answeredAfterMention = answeredAfterMention.ToFrozenDictionary();
        _mentionCounts = mentionCounts.ToFrozenDictionary();
        _profiles = (profiles ?? new Dictionary<string, SpeakerProfile>()).ToFrozenDictionary(StringComparer.Ordinal);
        _attributed = SpeakerIdentities.From(_aliases, _profiles);
    }

    /// <summary>A directory with no corpus evidence: names are matched by their spelling alone.</summary>
    public static SpeakerDirectory Empty { get; } = new(
        new Dictionary<(string, string), int>(), new Dictionary<(string, string), int>(), new Dictionary<string, int>());

    /// <summary>Nick pairs known to name the same person.</summary>
    public int AliasPairCount => _aliases.Count / 2;

    /// <summary>How much a speaker (by raw nick) says and asks across the corpus.</summary>
    /// <param name="speaker">The raw nick.</param>
    /// <returns>The profile, <see cref="SpeakerProfile.Unknown"/> for a nick never seen.</returns>
    public SpeakerProfile Profile(string speaker) => _profiles.GetValueOrDefault(speaker, SpeakerProfile.Unknown);

    /// <summary>
    /// The speaker a message is credited to: for a nick known to be one person with another (the twins of days merged
    /// from two exports), the name, company and role of whichever of the two says more about them
    /// (<c>北京一张泽雄</c> answers as <c>张泽雄</c> of 民生金服); any other speaker as it is.
    /// </summary>
    /// <param name="speaker">The speaker as in the header.</param>
    /// <returns>The speaker to credit, with the header's <see cref="Speaker.Raw"/> nick.</returns>
    public Speaker Attributed(Speaker speaker) => _attributed.GetValueOrDefault(speaker.Raw, speaker);

    /// <summary>The exchange with every message credited to its <see cref="Attributed(Speaker)"/> speaker.</summary>
    /// <param name="exchange">An exchange as found.</param>
    /// <returns>The exchange; the same instance when no speaker of it has another nick.</returns>
    public Exchange Attributed(Exchange exchange) =>
        exchange.Messages.All(m => !_attributed.ContainsKey(m.Message.Speaker.Raw))
            ? exchange
            : exchange with
            {
                Messages = exchange.Messages
                    .Select(m => m with { Message = m.Message with { Speaker = Attributed(m.Message.Speaker) } })
                    .ToList(),
            };

    /// <summary>Finds which of the candidate speakers a mention addresses.</summary>
    /// <param name="mention">The mentioned name, without <c>@</c>.</param>
    /// <param name="speakers">Raw nicks of the speakers to choose from (e.g. everyone who spoke that day).</param>
    /// <returns>The raw nick of the addressed speaker, or <c>null</c> when no candidate is clearly the one.</returns>
    public string? Resolve(string mention, IEnumerable<string> speakers) => Resolve(mention, Candidates(speakers));

    /// <summary>Normalises the speakers of a day once, for many <see cref="Resolve(string, IReadOnlyList{SpeakerCandidate})"/> calls.</summary>
    /// <param name="speakers">Raw nicks.</param>
    /// <returns>The candidates.</returns>
    public static IReadOnlyList<SpeakerCandidate> Candidates(IEnumerable<string> speakers) =>
        speakers.Select(s => new SpeakerCandidate(s, NameKey.Of(s), NameKey.Of(SpeakerParser.Parse(s).Name))).ToList();

    /// <summary>Finds which of the prepared candidate speakers a mention addresses.</summary>
    /// <param name="mention">The mentioned name, without <c>@</c>.</param>
    /// <param name="speakers">Candidates from <see cref="Candidates"/>.</param>
    /// <returns>The raw nick of the addressed speaker, or <c>null</c> when no candidate is clearly the one.</returns>
    public string? Resolve(string mention, IReadOnlyList<SpeakerCandidate> speakers)
    {
        var mentionKey = NameKey.Of(mention);
        if (mentionKey.Length == 0)
        {
            return null;
        }

        var mentionName = NameKey.Of(SpeakerParser.Parse(mention).Name);
        // A role or a city (@产品, @北京) is no name, however it sounds.
        var mentionSound = SpeakerVocabulary.IsRole(mentionName) || SpeakerVocabulary.IsCity(mentionName)
            ? NameSound.None
            : Romanisation.Of(mentionName);
        string? best = null;
        double bestScore = 0;
        var tie = false;
        foreach (var speaker in speakers)
        {
            var score = Score(mentionKey, mentionName, mentionSound, speaker);
            if (score > bestScore)
            {
                (best, bestScore, tie) = (speaker.Raw, score, false);
            }
            else if (score == bestScore && score > 0 && speaker.Raw != best)
            {
                tie = true;
            }
        }

        return bestScore >= MinimumScore && !tie ? best : null;
    }

    private double Score(string mentionKey, string mentionName, NameSound mentionSound, SpeakerCandidate speaker)
    {
        var (speakerKey, speakerName) = (speaker.Key, speaker.NameKey);
        if (speakerKey.Length == 0)
        {
            return 0;
        }

        if (speakerKey == mentionKey)
        {
            return 20;
        }
        double score = 0;
        if (speakerName.Length > 0 && speakerName == mentionName)
        {
            score += 8;
        }
        else if (NameKey.IsPrefixRelated(speakerKey, mentionKey) || NameKey.IsPrefixRelated(speakerName, mentionName))
        {
            score += 4;
        }
        else if (mentionSound.IsLike(speaker.Sound))
        {
            // The same name in other letters (曹志杨, caozhiyang), a homophone, or the given name alone.
            score += 4;
        }

        if (_aliases.TryGetValue((mentionKey, speakerKey), out var pairs) && pairs > 0)
        {
            score += 6;
        }

        if (_answeredAfterMention.TryGetValue((mentionKey, speakerKey), out var answered)
            && _mentionCounts.TryGetValue(mentionKey, out var mentioned)
            && answered >= 2)
        {
            score += 5.0 * answered / mentioned;
        }

        return score;
    }
}
