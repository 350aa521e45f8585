using System.Globalization;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Faq;

/// <summary>Small synthetic chat messages and exchanges, parsed the way the reader parses real ones.</summary>
internal static class Chats
{
    /// <summary>A message of <paramref name="path"/> (a <c>group/yyyy-MM-dd-chat.markdown</c> name) at a header line.</summary>
    public static ChatMessage Message(string path, int line, string time, string speaker, string body)
    {
        var date = DateOnly.ParseExact(Path.GetFileName(path)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parsed = MessageBodyParser.Parse(body);
        return new ChatMessage(
            new SourceRef(path, line),
            date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm:ss", CultureInfo.InvariantCulture)),
            SpeakerParser.Parse(speaker),
            parsed.Text,
            parsed.Kind,
            parsed.Mentions,
            parsed.Quote);
    }

    /// <summary>An exchange of one question and its answers, messages four lines apart from <paramref name="line"/>.</summary>
    public static Exchange Exchange(string path, int line, string asker, string question, params (string Speaker, string Text)[] answers)
    {
        var messages = new List<ExchangeMessage> { new(Message(path, line, Time(line), asker, question), MessageRole.Question) };
        for (var i = 0; i < answers.Length; i++)
        {
            var at = line + (4 * (i + 1));
            messages.Add(new ExchangeMessage(Message(path, at, Time(at), answers[i].Speaker, answers[i].Text), MessageRole.Answer));
        }

        return new Exchange($"x-{path}:{line}", path, messages, 0.9);
    }

    /// <summary>An exchange whose question is split over several messages by the same asker.</summary>
    public static Exchange SplitQuestion(string path, int line, string asker, string[] questions, params (string Speaker, string Text)[] answers)
    {
        var messages = new List<ExchangeMessage>();
        var at = line;
        foreach (var question in questions)
        {
            messages.Add(new ExchangeMessage(Message(path, at, Time(at), asker, question), MessageRole.Question));
            at += 4;
        }

        foreach (var (speaker, text) in answers)
        {
            messages.Add(new ExchangeMessage(Message(path, at, Time(at), speaker, text), MessageRole.Answer));
            at += 4;
        }

        return new Exchange($"x-{path}:{line}", path, messages, 0.8);
    }

    // One second per line keeps messages in line order within a day.
    private static string Time(int line) => TimeOnly.FromTimeSpan(TimeSpan.FromHours(9) + TimeSpan.FromSeconds(line)).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
