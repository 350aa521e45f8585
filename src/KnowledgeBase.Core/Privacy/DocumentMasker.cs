using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Privacy;

/// <summary>Applies masking and pseudonyms to every text of a document, building a new immutable copy.</summary>
internal sealed class DocumentMasker(bool maskPersonalData, SpeakerPseudonymizer? pseudonyms)
{
    public KnowledgeBaseDocument Mask(KnowledgeBaseDocument document) => document with
    {
        Topics = document.Topics.Select(t => t with { Label = Chat(t.Label), Keywords = Keywords(t.Keywords) }).ToList(),
        Exchanges = document.Exchanges.Select(Exchange).ToList(),
        Entries = document.Entries.Select(Entry).ToList(),
    };

    public KnowledgeBaseDocument MaskEntries(KnowledgeBaseDocument document) => document with
    {
        Entries = document.Entries.Select(Entry).ToList(),
    };

    private Exchange Exchange(Exchange exchange) => exchange with
    {
        Messages = exchange.Messages.Select(m => m with { Message = Message(m.Message) }).ToList(),
    };

    private ChatMessage Message(ChatMessage message) => message with
    {
        Speaker = Speaker(message.Speaker),
        Body = Chat(message.Body),
        Mentions = message.Mentions.Select(Person).ToList(),
        Quote = message.Quote is null
            ? null
            : new QuotedReply(Person(message.Quote.Name), Chat(message.Quote.QuotedText), Chat(message.Quote.Reply)),
    };

    private FaqEntry Entry(FaqEntry entry) => entry with
    {
        Question = Chat(entry.Question),
        Answer = Chat(pseudonyms?.ReplaceAttributions(entry.Answer) ?? entry.Answer),
        Keywords = Keywords(entry.Keywords),
        Experts = entry.Experts.Select(Expert).ToList(),
    };

    private Speaker Speaker(Speaker speaker)
    {
        if (pseudonyms is not null)
        {
            var pseudonym = pseudonyms.Of(speaker.Raw);
            return new Speaker(pseudonym, pseudonym);
        }

        return new Speaker(Data(speaker.Raw), Data(speaker.Name), Optional(speaker.Company), Optional(speaker.Role), Optional(speaker.City));
    }

    // Company and role would narrow a pseudonym down to one person again.
    private Expert Expert(Expert expert) => pseudonyms is null
        ? expert with { Name = Data(expert.Name), Company = Optional(expert.Company), Role = Optional(expert.Role) }
        : new Expert(pseudonyms.Of(expert.Name), null, null, expert.Answers);

    private string Person(string name) => pseudonyms?.Of(name) ?? Data(name);

    private string Chat(string text) =>
        Data(pseudonyms is null ? text : pseudonyms.ReplaceNames(pseudonyms.ReplaceMentions(text)));

    // A keyword that is somebody's name would give the person away: it goes.
    private List<string> Keywords(IEnumerable<string> keywords) =>
        keywords.Where(k => pseudonyms is null || !pseudonyms.IsName(k)).Select(Data).ToList();

    private string Data(string text) => maskPersonalData ? PersonalDataMasker.Mask(text) : text;

    private string? Optional(string? text) => text is null ? null : Data(text);
}
