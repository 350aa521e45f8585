using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Pipeline;

/// <summary>What the first pass of a build takes from one file, as the build cache keeps it.</summary>
/// <param name="Problems">The file's input problems.</param>
/// <param name="Messages">Messages read.</param>
/// <param name="HeaderLines">Header lines seen.</param>
/// <param name="Evidence">The file's who-is-who evidence.</param>
/// <param name="Queries">What finding the file's exchanges asks of the corpus-wide speaker directory.</param>
/// <param name="Date">The day the file was read as; <see cref="DateOnly.MinValue"/> when undated.</param>
/// <param name="IsChatLog">See <see cref="ChatDay.IsChatLog"/>: false for a file skipped as no chat log.</param>
public sealed record DayRecord(
    IReadOnlyList<InputProblem> Problems,
    int Messages,
    int HeaderLines,
    SpeakerEvidence Evidence,
    DirectoryQueries Queries,
    DateOnly Date,
    bool IsChatLog);

/// <summary>The exchanges of one file and the speaker resolutions and profiles they were found with, as the build cache keeps them.</summary>
/// <param name="Resolutions">The answers to the file's <see cref="DirectoryQueries"/> when the exchanges were found.</param>
/// <param name="Exchanges">The exchanges.</param>
public sealed record ExchangeRecord(IReadOnlyList<string?> Resolutions, IReadOnlyList<Exchange> Exchanges);

/// <summary>
/// The names a day's @mentions and quotes use, and the speakers of the day: all that finding the day's exchanges asks of
/// the <see cref="SpeakerDirectory"/>. Evidence from other days can change the answers; when it does not, the day's
/// exchanges do not change either.
/// </summary>
/// <param name="Speakers">The day's distinct speaker nicks, in order of first message.</param>
/// <param name="Names">Every mention and quoted name, in message order.</param>
public sealed record DirectoryQueries(IReadOnlyList<string> Speakers, IReadOnlyList<string> Names)
{
    /// <summary>The queries of a day.</summary>
    /// <param name="messages">The day's messages.</param>
    /// <returns>The queries.</returns>
    public static DirectoryQueries Of(IReadOnlyList<ChatMessage> messages) =>
        new(
            messages.Select(m => m.Speaker.Raw).Distinct(StringComparer.Ordinal).ToList(),
            messages.SelectMany(m => m.Quote is null ? m.Mentions : m.Mentions.Append(m.Quote.Name)).ToList());

    /// <summary>How a directory answers the queries, the way <see cref="DayTurns"/> asks them.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The speaker each name resolves to, or null; then each speaker's profile key.</returns>
    public IReadOnlyList<string?> Answer(SpeakerDirectory directory)
    {
        var candidates = SpeakerDirectory.Candidates(Speakers);
        return Names.Select(name => directory.Resolve(name, candidates))
            .Concat(Speakers.Select(speaker => directory.Profile(speaker).Key))
            .ToList();
    }
}
