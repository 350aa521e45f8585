using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Faq;

/// <summary>
/// Turns topic-labelled exchanges into FAQ entries: one per distinct question, near-duplicate questions merged across
/// days and groups, each with a clean question, an attributed answer, keywords, experts and the source of every cited
/// message. An entry is named by a hash of where its earliest question was asked and takes that exchange's topic, so
/// its id survives re-runs of the same input and new days (see <see cref="EntryId"/> and <see cref="NearDuplicates"/>).
/// </summary>
public sealed class FaqEntryBuilder
{
    private readonly ChineseSegmenter _segmenter;
    private readonly FaqEntryBuilderOptions _options;
    private readonly AnswerComposer _composer;

    /// <summary>Creates a builder.</summary>
    /// <param name="segmenter">Segmenter for content words, domain terms and keywords.</param>
    /// <param name="options">Settings; defaults when null.</param>
    public FaqEntryBuilder(ChineseSegmenter segmenter, FaqEntryBuilderOptions? options = null)
    {
        _segmenter = segmenter;
        _options = options ?? new FaqEntryBuilderOptions();
        _composer = new AnswerComposer(segmenter, _options.MaxAnswerParts);
    }

    /// <summary>Builds the entries.</summary>
    /// <param name="exchanges">Exchanges with <see cref="Exchange.TopicId"/> set; an entry takes the topic of its earliest exchange.</param>
    /// <param name="topics">The topics, in the order entries should follow; entries of unknown topics come last.</param>
    /// <returns>Entries ordered by topic, then by number of exchanges, then by their earliest question.</returns>
    public IReadOnlyList<FaqEntry> Build(IReadOnlyList<Exchange> exchanges, IReadOnlyList<Topic>? topics = null)
    {
        // Segmenting and composing are independent per exchange and per group: both cores share them, in input order.
        var asked = InTimeOrder(exchanges
            .AsParallel()
            .AsOrdered()
            .Where(e => e.Questions.Any())
            .Select(Asked)
            .AsSequential());

        var topicRank = (topics ?? []).Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return NearDuplicates.Group(asked, _options)
            .AsParallel()
            .AsOrdered()
            .Select(group => (Entry: ToEntry(group), Asked: group[0].Exchange.FirstQuestion.Source))
            .AsSequential()
            .OrderBy(e => topicRank.GetValueOrDefault(e.Entry.TopicId, int.MaxValue))
            .ThenByDescending(e => e.Entry.ExchangeIds.Count)
            .ThenBy(e => e.Asked.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Asked.Line)
            .Select(e => e.Entry)
            .ToList();
    }

    /// <summary>
    /// The entry a build makes when it puts exactly these exchanges together, without looking for near-duplicates:
    /// question, answer, keywords, experts, confidence and sources, worked out as <see cref="Build"/> works them out.
    /// </summary>
    /// <param name="exchanges">The exchanges, in any order; those that ask no question only count where a build counts them.</param>
    /// <returns>The entry, named like a built one after its earliest question.</returns>
    /// <exception cref="ArgumentException">None of the exchanges asks a question.</exception>
    public FaqEntry Entry(IReadOnlyCollection<Exchange> exchanges)
    {
        var asked = InTimeOrder(exchanges.Where(e => e.Questions.Any()).Select(Asked));
        if (asked.Count == 0)
        {
            throw new ArgumentException("none of the exchanges asks a question", nameof(exchanges));
        }

        return ToEntry(asked);
    }

    private static List<AskedQuestion> InTimeOrder(IEnumerable<AskedQuestion> asked) =>
        asked
            .OrderBy(a => a.Exchange.FirstQuestion.Time)
            .ThenBy(a => a.Exchange.FirstQuestion.Source.Path, StringComparer.Ordinal)
            .ThenBy(a => a.Exchange.FirstQuestion.Source.Line)
            .ThenBy(a => a.Exchange.Id, StringComparer.Ordinal)
            .ToList();

    private FaqEntry ToEntry(IReadOnlyList<AskedQuestion> group)
    {
        // The group is in time order: its earliest question names the entry. The wording shown is that of the earliest
        // question somebody answered: a remark nobody took up ("不一样哎 代扣有代扣的渠道") is a poor headline for the
        // answers a later, real question drew.
        var first = group[0];
        var worded = group.FirstOrDefault(a => a.Exchange.Answers.Any()) ?? first;
        var answer = _composer.Compose(group.SelectMany(a => a.Exchange.Answers), group.SelectMany(a => a.Exchange.Questions));
        // In the order of the chat: two exchanges of one day merged into the entry interleave.
        var sources = group
            .SelectMany(a => a.Exchange.Messages.Where(m => m.Role != MessageRole.Context).Select(m => m.Message.Source))
            .Distinct()
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .ThenBy(s => s.Line)
            .ToList();
        return new FaqEntry(
            EntryId.Of(first.Exchange),
            first.Exchange.TopicId ?? string.Empty,
            worded.Question,
            answer.Text,
            group.Select(a => a.Exchange.Id).ToList(),
            _options.Status,
            // Personal data makes no keyword: an address kept whole for the masker would give qq or its local part; nor
            // does the name of someone mentioned.
            Keywords(
                worded.Question == QuestionText.Wordless ? string.Empty : ChatText.WithoutMentionedNames(WithoutPersonalData(worded.Question), worded.Exchange.Messages.Select(m => m.Message)),
                ChatText.WithoutMentionedNames(WithoutPersonalData(answer.Said), group.SelectMany(a => a.Exchange.Answers))),
            answer.Experts,
            group.Max(a => a.Exchange.Confidence),
            sources);
    }

    private IReadOnlyList<string> Keywords(string question, string said)
    {
        // Domain terms of the question say best what the entry is about; jieba's TF-IDF words that name a thing fill up
        // the rest (not chat words such as 理解 or 推荐, nor fragments such as 举个). Only an entry without any such word
        // takes its two best plain words. No keyword sits inside another (pos and pos机).
        var max = _options.KeywordsPerEntry;
        var keywords = new List<string>(max);
        KeywordRules.Fill(keywords, _segmenter.ContentWords(question).Where(_segmenter.IsDomainTerm), max);
        var ranked = _segmenter.Keywords(question + "\n" + said, max * 3);
        KeywordRules.Fill(keywords, ranked.Where(w => KeywordRules.NamesThing(_segmenter, w)), max);
        if (keywords.Count == 0)
        {
            KeywordRules.Fill(keywords, ranked, Math.Min(2, max));
        }

        return WrittenForm.Of(keywords, [question, said]);
    }

    private static string WithoutPersonalData(string text)
    {
        var kept = new StringBuilder(text.Length);
        var at = 0;
        foreach (var match in PersonalDataMasker.Find(text))
        {
            kept.Append(text, at, match.Index - at).Append(' ');
            at = match.Index + match.Length;
        }

        return kept.Append(text, at, text.Length - at).ToString();
    }

    // The question and its content words, from the messages that gave it.
    private AskedQuestion Asked(Exchange exchange)
    {
        var (question, from) = QuestionText.Build(exchange);
        var words = from.SelectMany(m => _segmenter.ContentWords(ChatText.WithoutMentionedNames(ChatText.Clean(m.Text, m.Mentions), [m]))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new AskedQuestion(exchange, question, words);
    }
}
