using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Faq;

/// <summary>Turns the question messages of an exchange into one clean question.</summary>
internal static class QuestionText
{
    /// <summary>What an entry's question says when its messages hold no text at all, only a mention or emoji.</summary>
    public const string Wordless = "（提问只有@或表情，没有文字：见原文）";

    // Characters of a quoted message shown before a question asked as a reply to it.
    private const int QuoteLength = 40;

    // Characters in a row a question repeats of its quote to say what it quotes itself.
    private const int SharedRun = 4;

    /// <summary>
    /// The question of an exchange (see <see cref="Build(IEnumerable{ChatMessage})"/>). A question that was only an
    /// opener ("请教一个问题") is asked in the asker's next messages, which the finder keeps as context before the first
    /// answer: those give the question then.
    /// </summary>
    /// <param name="exchange">The exchange.</param>
    /// <returns>The question and the messages it was taken from.</returns>
    public static (string Text, IReadOnlyList<ChatMessage> From) Build(Exchange exchange)
    {
        var questions = exchange.Questions.ToList();
        var question = Join(questions);
        if (question.Length > 0 || questions.Count == 0)
        {
            return (FollowingUp(exchange, question), questions);
        }

        var asker = questions[0].Speaker.Raw;
        var followUps = exchange.Messages
            .SkipWhile(m => m.Role != MessageRole.Question)
            .TakeWhile(m => m.Role != MessageRole.Answer)
            .Where(m => m.Role == MessageRole.Context && m.Message.Speaker.Raw == asker)
            .Select(m => m.Message)
            .ToList();
        var followed = Join(followUps);
        return followed.Length > 0 ? (followed, followUps) : (Unjoined(questions[0]), questions);
    }

    /// <summary>
    /// Drops @mentions, emoji codes, greetings such as 请教各位大神 or 大家好, closing thanks and an answer relayed with the
    /// question (<see cref="RelayedAnswer"/>) from each question message, leaves out messages that were only a greeting
    /// or chatter, and joins the rest of a question split over messages.
    /// </summary>
    /// <param name="questions">The question messages in order.</param>
    /// <returns>
    /// The question; when nothing is left, the first message's cleaned text, and <see cref="Wordless"/> when that is
    /// empty too.
    /// </returns>
    public static string Build(IEnumerable<ChatMessage> questions)
    {
        var messages = questions.ToList();
        var question = Join(messages);
        return question.Length > 0 || messages.Count == 0 ? question : Unjoined(messages[0]);
    }

    // The first message's cleaned text, when nothing of the question is left to join.
    private static string Unjoined(ChatMessage first)
    {
        // Punctuation alone ("@周鑫 ？？？") says nothing a reader can take as the question either.
        var cleaned = ChatText.Clean(first.Text, first.Mentions);
        return cleaned.Any(char.IsLetterOrDigit) ? cleaned : Wordless;
    }

    private static string Join(IEnumerable<ChatMessage> messages) =>
        ChatText.Join(messages
            .Where(m => m.Kind is MessageKind.Text or MessageKind.Link)
            .Select(m => (Message: m, Text: ChatText.StripCourtesies(ChatText.StripOpeners(RelayedAnswer.Split(ChatText.Clean(m.Text, m.Mentions)).Question))))
            .Where(q => q.Text.Length > 0 && !ChatText.IsChatter(q.Text))
            .Select(q => WithQuote(q.Message, q.Text))
            .Distinct(StringComparer.Ordinal));

    // A question that points back (这个公司有牌照吗？) is shown after the message it follows up on, which the finder keeps
    // as the context before the question (ThreadContext.FollowedUp), as a quoted reply is shown after its quote.
    private static string FollowingUp(Exchange exchange, string question)
    {
        var referent = exchange.Messages.TakeWhile(m => m.Role != MessageRole.Question).LastOrDefault(m => m.Role == MessageRole.Context)?.Message;
        if (referent is null || question.StartsWith('「'))
        {
            return question;
        }

        var said = ChatText.Clean(referent.Text, referent.Mentions);
        return said.Length == 0 ? question : $"「{Cut(said)}」{question}";
    }

    // A quoted or followed-up message as shown before a question: its first QuoteLength characters.
    private static string Cut(string quoted)
    {
        if (quoted.Length <= QuoteLength)
        {
            return quoted;
        }

        var cut = char.IsHighSurrogate(quoted[QuoteLength - 1]) ? QuoteLength - 1 : QuoteLength;
        return quoted[..cut] + "…";
    }

    // A question asked as a quoted reply asks about what it quotes ("「银行网关跟网银不是一个」有啥区别啊？"): without
    // it, "有啥区别啊？" says nothing. A question that repeats some of the quote (同问，网联的手续费是按笔收吗) says it
    // already. The quote is cut to its first QuoteLength characters.
    private static string WithQuote(ChatMessage message, string question)
    {
        if (message.Quote is not { } quote)
        {
            return question;
        }

        var quoted = ChatText.Clean(quote.QuotedText, message.Mentions);
        if (quoted.Length == 0 || SharesRun(quoted, question, SharedRun))
        {
            return question;
        }

        return $"「{Cut(quoted)}」{question}";
    }

    // Whether the two texts have a run of at least the given number of characters in common.
    private static bool SharesRun(string a, string b, int length)
    {
        for (var i = 0; i + length <= a.Length; i++)
        {
            if (b.Contains(a.AsSpan(i, length), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
