using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Faq;

/// <summary>Turns the question messages of an exchange into one clean question.</summary>
internal static class QuestionText
{
    /// <summary>
    /// Drops @mentions, emoji codes and greetings such as 请教各位大神 or 大家好 from each question message, leaves out
    /// messages that were only a greeting or chatter, and joins the rest of a question split over messages.
    /// </summary>
    /// <param name="questions">The question messages in order.</param>
    /// <returns>The question; when nothing is left, the first message's cleaned text.</returns>
    public static string Build(IEnumerable<ChatMessage> questions)
    {
        var messages = questions.ToList();
        var pieces = messages
            .Where(m => m.Kind is MessageKind.Text or MessageKind.Link)
            .Select(m => ChatText.StripOpeners(ChatText.Clean(m.Text, m.Mentions)))
            .Where(text => text.Length > 0 && !ChatText.IsChatter(text))
            .Distinct(StringComparer.Ordinal);
        var question = ChatText.Join(pieces);
        if (question.Length > 0 || messages.Count == 0)
        {
            return question;
        }

        return ChatText.Clean(messages[0].Text, messages[0].Mentions);
    }
}
