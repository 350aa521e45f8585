using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>Reads one message body: decodes entities, then finds the quote, the mentions and the kind.</summary>
public static class MessageBodyParser
{
    /// <summary>Parses a body as written in the file.</summary>
    /// <param name="markdown">The body lines joined with <c>\n</c>, hard breaks and blank lines already removed.</param>
    /// <returns>The decoded body with its kind, mentions and quote.</returns>
    public static MessageBody Parse(string markdown)
    {
        var text = HtmlEntityDecoder.Decode(markdown).Trim();
        var quote = QuotedReplyParser.Parse(text);
        if (quote is null)
        {
            return new MessageBody(text, MessageKindClassifier.Classify(markdown, text), MentionParser.Find(text), null);
        }

        // The mentions inside the quoted text belong to the quoted message; a reply is judged by its own words.
        var kind = quote.Reply.Length == 0 ? MessageKind.Text : MessageKindClassifier.Classify(quote.Reply, quote.Reply);
        return new MessageBody(text, kind, MentionParser.Find(quote.Reply), quote);
    }
}
