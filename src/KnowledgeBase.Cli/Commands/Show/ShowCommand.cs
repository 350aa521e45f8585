using System.Globalization;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Show;

/// <summary>
/// <c>kb show &lt;entry-id&gt; --in &lt;faq.json&gt;</c>: an entry with the conversation around every message it cites,
/// read from the chat logs (or, when they cannot be found, the cited messages as recorded in faq.json).
/// </summary>
internal sealed class ShowCommand : Command<ShowSettings>
{
    private const int LongText = 160;

    public override int Execute(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
    {
        if (!FaqJsonInput.TryRead(settings.Faq, out var document))
        {
            return ExitCodes.UsageOrNothingReadable;
        }

        var matches = document.Entries.Where(e => e.Id.StartsWith(settings.EntryId, StringComparison.Ordinal)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var exact = matches.FirstOrDefault(e => e.Id == settings.EntryId);
        if (exact is null && matches.Count != 1)
        {
            Terminal.Problem(matches.Count == 0
                ? $"no entry '{settings.EntryId}' in {settings.Faq}"
                : $"'{settings.EntryId}' names {matches.Count} entries: {string.Join(", ", matches.Take(5).Select(e => e.Id))}{(matches.Count > 5 ? ", …" : string.Empty)}; give more of the id");
            return ExitCodes.UsageOrNothingReadable;
        }

        var entry = exact ?? matches[0];
        var output = new Output(!Console.IsOutputRedirected);
        var topic = document.Topics.FirstOrDefault(t => t.Id == entry.TopicId);
        WriteEntry(output, entry, topic);

        var root = ResolveRoot(settings.Input ?? document.Input.Root, settings.Faq);
        var exchanges = document.Exchanges.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var reader = new ChatLogReader();
        var anonymized = PersonalDataMasker.HasAnonymizedSpeakers(document);
        foreach (var id in entry.ExchangeIds)
        {
            if (!exchanges.TryGetValue(id, out var exchange))
            {
                output.Line($"exchange {id}: not in this faq.json", "grey");
                continue;
            }

            output.Blank();
            output.Line($"── {exchange.Path} (exchange {exchange.Id}, confidence {exchange.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})", "bold");
            var file = root is null ? null : Path.Combine(root, exchange.Path);
            if (file is null || !File.Exists(file))
            {
                Terminal.Problem($"{exchange.Path}: source not found under '{root ?? document.Input.Root}'; showing the cited messages only (use --input <corpus-root>)");
                WriteCited(output, exchange);
                continue;
            }

            WriteConversation(output, exchange, reader.ReadFile(root!, file).Day, file, anonymized, settings.Context);
        }

        return ExitCodes.Ok;
    }

    private static void WriteEntry(Output output, FaqEntry entry, Topic? topic)
    {
        output.Line($"{entry.Id}  [{entry.Status}]  confidence {entry.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}", "bold");
        output.Line($"topic:     {entry.TopicId}{(topic is null ? string.Empty : " " + topic.Label)}", null);
        output.Line($"keywords:  {string.Join(", ", entry.Keywords)}", null);
        output.Line($"experts:   {string.Join("; ", entry.Experts.Select(Expert))}", null);
        output.Line($"exchanges: {entry.ExchangeIds.Count}, sources: {entry.Sources.Count}", null);
        output.Blank();
        output.Line("Q: " + entry.Question, "yellow");
        foreach (var part in entry.Answer.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            output.Line("A: " + part, "green");
        }
    }

    private static string Expert(Expert expert)
    {
        var details = new[] { expert.Company, expert.Role }.Where(d => !string.IsNullOrEmpty(d));
        var about = string.Join(", ", details);
        return $"{expert.Name}{(about.Length == 0 ? string.Empty : $" ({about})")} ×{expert.Answers}";
    }

    private static void WriteConversation(Output output, Exchange exchange, ChatDay day, string file, bool anonymized, int around)
    {
        var roles = new Dictionary<int, MessageRole>();
        foreach (var cited in exchange.Messages)
        {
            roles[cited.Message.Source.Line] = cited.Role;
            foreach (var duplicate in cited.Duplicates.Where(d => d.Path == exchange.Path))
            {
                roles.TryAdd(duplicate.Line, cited.Role);
            }
        }

        // faq.json cites messages by line: once the file has changed, another message (or none) may be on that line now,
        // and marking it Q or A would show the wrong conversation without a word. The cited message is marked where it
        // is now when the file holds it exactly once (a message added or removed above it moved it), as kb build would
        // find it.
        var atLine = day.Messages.DistinctBy(m => m.Source.Line).ToDictionary(m => m.Source.Line);
        var moved = new Dictionary<int, MessageRole>();
        foreach (var cited in exchange.Messages)
        {
            var line = cited.Message.Source.Line;
            var now = atLine.GetValueOrDefault(line);
            if (now is not null && SameMessage(cited.Message, now, anonymized))
            {
                continue;
            }

            // Its twin's line (a day merged from two exports) has moved with it, or holds something else too.
            roles.Remove(line);
            foreach (var duplicate in cited.Duplicates.Where(d => d.Path == exchange.Path))
            {
                roles.Remove(duplicate.Line);
            }

            var found = day.Messages.Where(m => SameMessage(cited.Message, m, anonymized)).Take(2).ToList();
            var where = found.Count == 1 ? found[0].Source.Line : (int?)null;
            if (where is { } to)
            {
                moved[to] = cited.Role;
            }

            Terminal.Problem(
                $"{file}:{line}: WARNING: the file changed since faq.json was written: it cites {Describe(cited.Message)} here, the file has " +
                $"{(now is null ? "no message" : Describe(now))}; " +
                (where is { } at
                    ? $"marked {Mark(cited.Role)} on line {at}, where the file has it now (kb build again to cite the file as it is)"
                    : $"not marked {Mark(cited.Role)} (kb build again to cite the file as it is)"));
        }

        foreach (var (line, role) in moved)
        {
            roles[line] = role;
        }

        var shown = new SortedSet<int>();
        for (var i = 0; i < day.Messages.Count; i++)
        {
            if (roles.ContainsKey(day.Messages[i].Source.Line))
            {
                for (var j = Math.Max(0, i - around); j <= Math.Min(day.Messages.Count - 1, i + around); j++)
                {
                    shown.Add(j);
                }
            }
        }

        var previous = -1;
        foreach (var i in shown)
        {
            if (previous >= 0 && i > previous + 1)
            {
                output.Line($"        ⋮ {i - previous - 1} messages", "grey");
            }

            var message = day.Messages[i];
            var cited = roles.TryGetValue(message.Source.Line, out var role);
            WriteMessage(output, message, cited ? role : null);
            previous = i;
        }
    }

    // faq.json holds the time, the speaker and the text as the build read them, masked unless built with --no-mask, and
    // with pseudonyms for speakers and @mentions in an anonymized export (then only the time can be compared).
    private static bool SameMessage(ChatMessage recorded, ChatMessage now, bool anonymized)
    {
        if (recorded.Time != now.Time)
        {
            return false;
        }

        if (anonymized)
        {
            return true;
        }

        return Same(recorded.Speaker.Raw, now.Speaker.Raw) && Same(recorded.Body, now.Body);

        static bool Same(string recorded, string now) =>
            string.Equals(recorded, now, StringComparison.Ordinal) || string.Equals(recorded, PersonalDataMasker.Mask(now), StringComparison.Ordinal);
    }

    private static string Describe(ChatMessage message)
    {
        var text = message.Body.ReplaceLineEndings(" ");
        return $"{message.Time:HH:mm:ss} {message.Speaker.Raw}: \"{(text.Length > 40 ? text[..40] + "…" : text)}\"";
    }

    private static string Mark(MessageRole role) => role switch
    {
        MessageRole.Question => "Q",
        MessageRole.Answer => "A",
        _ => "C",
    };

    private static void WriteCited(Output output, Exchange exchange)
    {
        foreach (var cited in exchange.Messages)
        {
            WriteMessage(output, cited.Message, cited.Role);
        }
    }

    private static void WriteMessage(Output output, ChatMessage message, MessageRole? role)
    {
        var (mark, style) = role switch
        {
            MessageRole.Question => ("Q", "yellow"),
            MessageRole.Answer => ("A", "green"),
            MessageRole.Context => ("C", "silver"),
            _ => (" ", "grey"),
        };
        var text = message.Body.ReplaceLineEndings(" ");
        if (role is null && text.Length > LongText)
        {
            text = text[..LongText] + "…";
        }

        output.Line($"{mark} {message.Source.Line,6}  {message.Time:HH:mm:ss}  {message.Speaker.Raw}: {text}", style);
    }

    // input.root is recorded as given to kb build: relative to where it ran, which is usually where kb show runs too.
    private static string? ResolveRoot(string root, string faqPath)
    {
        if (Directory.Exists(root))
        {
            return Path.GetFullPath(root);
        }

        var besideFaq = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(faqPath))!, root);
        return Directory.Exists(besideFaq) ? Path.GetFullPath(besideFaq) : null;
    }

    /// <summary>Colours on a terminal, plain lines when redirected.</summary>
    private sealed class Output(bool styled)
    {
        public void Line(string text, string? style)
        {
            if (!styled || style is null)
            {
                Console.Out.WriteLine(text);
                return;
            }

            AnsiConsole.MarkupLine($"[{style}]{Markup.Escape(text)}[/]");
        }

        public void Blank() => Console.Out.WriteLine();
    }
}
