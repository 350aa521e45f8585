using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Faq;

/// <summary>
/// Builds an answer from answering messages: chatter and repeats removed, each speaker's messages joined into one
/// part attributed to them, the most informative parts first.
/// </summary>
internal sealed class AnswerComposer
{
    // An image given as an answer (a screenshot), in the answer's text: what WeChat itself shows for one.
    private const string ImageText = "[图片]";

    // A WeChat export shows its exporter's own messages under 我 ("me"); read in an FAQ, "我：…" would be the reader's.
    // Which member exported a log is not in it (a day merged from two exports has two), so they are named by that role.
    private const string ExporterNick = "我";
    private const string ExporterName = "记录导出者";

    private readonly ChineseSegmenter _segmenter;
    private readonly int _maxParts;

    /// <summary>Creates a composer.</summary>
    /// <param name="segmenter">Segmenter to measure how much a part says.</param>
    /// <param name="maxParts">Most parts kept.</param>
    public AnswerComposer(ChineseSegmenter segmenter, int maxParts)
    {
        _segmenter = segmenter;
        _maxParts = Math.Max(1, maxParts);
    }

    /// <summary>Composes the answer and lists who gave it.</summary>
    /// <param name="answers">Answer messages, from one or more exchanges.</param>
    /// <param name="questions">
    /// The question messages: an answer that only repeats one (a twin export, a quote) is dropped, and so is what their
    /// askers say while anyone else answered.
    /// </param>
    /// <returns>
    /// The answer (one attributed line per part; only short replies such as "是的" and images, as [图片], when nothing more
    /// substantive was said; empty when the answers were emoji or punctuation alone) and the experts.
    /// </returns>
    public ComposedAnswer Compose(IEnumerable<ChatMessage> answers, IEnumerable<ChatMessage>? questions = null)
    {
        var kept = new List<(ChatMessage Message, string Text)>();
        var cleanedQuestions = Chronological(questions ?? []).Select(q => (Message: q, Text: ChatText.Clean(q.Text, q.Mentions))).ToList();
        var asked = cleanedQuestions.Select(q => Normalize(q.Text)).Where(k => k.Length > 0).ToList();
        var seen = new List<string>();
        // An answer relayed in the question message itself (a talk's Q&A passed on) is taken before the answers, as it was
        // said before them, and stays whoever else answers: it is the asker's message, but not the asker's own guess.
        var relayed = new HashSet<ChatMessage>(ReferenceEqualityComparer.Instance);
        foreach (var (question, cleaned) in cleanedQuestions.Where(q => q.Message.Kind is MessageKind.Text or MessageKind.Link))
        {
            var relayedText = RelayedAnswer.Split(cleaned).Answer;
            var key = Normalize(relayedText);
            if (key.Length > 0 && !IsRepeat(key, seen) && relayed.Add(question))
            {
                seen.Add(key);
                kept.Add((question, relayedText));
            }
        }

        foreach (var message in Chronological(answers))
        {
            if (message.Kind is MessageKind.Image)
            {
                // Kept below only beside words of the same speaker.
                kept.Add((message, ImageText));
                continue;
            }

            if (message.Kind is not (MessageKind.Text or MessageKind.Link))
            {
                continue;
            }

            var text = ChatText.Clean(message.Text, message.Mentions);
            var key = Normalize(text);
            if (key.Length == 0 || ChatText.IsChatter(text) || IsRepeat(key, seen) || asked.Contains(key))
            {
                continue;
            }

            seen.Add(key);
            kept.Add((message, text));
        }

        if (kept.All(k => k.Message.Kind is MessageKind.Image))
        {
            // Nothing substantive, but someone did answer: a yes ("是的", "对的") to a yes-or-no question, or a screenshot.
            // That is the answer, not "nobody answered"; emoji and punctuation alone are not.
            kept.Clear();
            kept.AddRange(Brief(answers, asked));
        }
        else
        {
            // A screenshot goes with the words of whoever sent it ("见下图", "[图片]"): the reader learns the answer has one and
            // finds it at the source. Sent by someone who said nothing else, it tells a reader nothing beside others' words.
            var speaking = kept.Where(k => k.Message.Kind is not MessageKind.Image).Select(k => Person(k.Message.Speaker)).ToHashSet(StringComparer.Ordinal);
            kept.RemoveAll(k => k.Message.Kind is MessageKind.Image && !speaking.Contains(Person(k.Message.Speaker)));
        }

        // What the asker says among the answers (a guess, a follow-up, an answer to a clarifying question) is no answer
        // to their own question while someone else gave one, and does not make them an expert on it.
        var askers = (questions ?? []).Select(q => Person(q.Speaker)).ToHashSet(StringComparer.Ordinal);
        if (kept.Any(k => !askers.Contains(Person(k.Message.Speaker))))
        {
            kept.RemoveAll(k => askers.Contains(Person(k.Message.Speaker)) && !relayed.Contains(k.Message));
        }

        var parts = kept
            .GroupBy(k => Person(k.Message.Speaker), StringComparer.Ordinal)
            // What a speaker says comes before what they share (a file name or a link), which rarely reads as an answer alone.
            .Select(g => new AnswerPart(
                g.First().Message.Speaker,
                Shown(g.OrderBy(k => k.Message.Kind == MessageKind.Link)),
                ChatText.Join(g.Where(k => k.Message.Kind is not MessageKind.Image).OrderBy(k => k.Message.Kind == MessageKind.Link).Select(k => k.Text)),
                g.Count(),
                g.First().Message.Time))
            .Select(p => p with { Score = Informativeness(p.Said) })
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.FirstTime)
            .ThenBy(p => Person(p.Speaker), StringComparer.Ordinal)
            .ToList();

        var shown = parts.Take(_maxParts).ToList();
        var answer = string.Join('\n', shown.Select(p => $"{Attribution(p.Speaker)}：{p.Text}"));
        var experts = parts
            .Select(p => new Expert(NameOf(p.Speaker), p.Speaker.Company, p.Speaker.Role, p.Messages))
            .OrderByDescending(e => e.Answers)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        return new ComposedAnswer(answer, string.Join('\n', shown.Select(p => p.Said).Where(s => s.Length > 0)), experts);
    }

    // Messages in the order they were said (file and line break ties: the same time in two groups' files).
    private static IEnumerable<ChatMessage> Chronological(IEnumerable<ChatMessage> messages) =>
        messages.OrderBy(m => m.Time).ThenBy(m => m.Source.Path, StringComparer.Ordinal).ThenBy(m => m.Source.Line);

    // A part as shown: its words joined as one thought (ChatText.Join), each screenshot set apart by spaces where it was sent.
    private static string Shown(IEnumerable<(ChatMessage Message, string Text)> pieces)
    {
        var shown = new List<string>();
        var words = new List<string>();
        foreach (var (message, text) in pieces)
        {
            if (message.Kind is not MessageKind.Image)
            {
                words.Add(text);
                continue;
            }

            if (words.Count > 0)
            {
                shown.Add(ChatText.Join(words));
                words.Clear();
            }

            shown.Add(ImageText);
        }

        if (words.Count > 0)
        {
            shown.Add(ChatText.Join(words));
        }

        return string.Join(' ', shown);
    }

    // The short replies and images among the answers, once each, in order.
    private static IEnumerable<(ChatMessage Message, string Text)> Brief(IEnumerable<ChatMessage> answers, List<string> asked)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in Chronological(answers))
        {
            var text = message.Kind is MessageKind.Image ? ImageText
                : message.Kind is MessageKind.Text or MessageKind.Link ? ChatText.Clean(message.Text, message.Mentions)
                : string.Empty;
            var key = message.Kind is MessageKind.Image ? ImageText : Normalize(text);
            if (key.Length > 0 && !asked.Contains(key) && seen.Add(Person(message.Speaker) + "\u001e" + key))
            {
                yield return (message, text);
            }
        }
    }

    // Who a part is credited to: the name, company, role and city shown for them, so two nicks of one member (credited
    // alike, see SpeakerDirectory.Attributed) are one expert, and two speakers a reader could not tell apart are too.
    private static string Person(Speaker speaker) =>
        string.Join('\u001f', speaker.Name, speaker.Company, speaker.Role, speaker.City);

    /// <summary>How a part is attributed: <c>钟文帅（天下支付·PM）</c>, or the bare name when company and role are unknown.</summary>
    /// <param name="speaker">The speaker.</param>
    /// <returns>The attribution.</returns>
    public static string Attribution(Speaker speaker)
    {
        var details = new[] { speaker.Company, speaker.Role }.Where(d => !string.IsNullOrWhiteSpace(d)).ToArray();
        return details.Length == 0 ? NameOf(speaker) : $"{NameOf(speaker)}（{string.Join('·', details)}）";
    }

    // The name as a reader should see it: without the '?' the export left for lost emoji (车睿??, H?o?wa?r?d?_?WANG), and
    // for 我, which is how a WeChat export names whoever exported it, who that is rather than "I".
    private static string NameOf(Speaker speaker)
    {
        if (speaker.Raw == ExporterNick)
        {
            return ExporterName;
        }

        return SpeakerParser.Shown(string.IsNullOrWhiteSpace(speaker.Name) ? speaker.Raw : speaker.Name);
    }

    private int Informativeness(string text)
    {
        var words = _segmenter.ContentWords(text).Distinct(StringComparer.Ordinal).ToList();
        return words.Count + words.Count(_segmenter.IsDomainTerm);
    }

    // A repeat: the same text again (the same point posted twice, or copied), or a short text inside a longer kept one.
    private static bool IsRepeat(string key, List<string> seen) =>
        seen.Any(s => s == key || (key.Length >= 4 && s.Contains(key, StringComparison.Ordinal)));

    private static string Normalize(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    // Text is the part as shown, screenshots as [图片]; Said is its words alone, which measure it and give keywords.
    private sealed record AnswerPart(Speaker Speaker, string Text, string Said, int Messages, DateTime FirstTime)
    {
        public int Score { get; init; }
    }
}
