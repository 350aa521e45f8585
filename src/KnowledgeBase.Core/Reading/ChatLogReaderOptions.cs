namespace KnowledgeBase.Core.Reading;

/// <summary>Limits that keep <see cref="ChatLogReader"/> fast and bounded on hostile input.</summary>
public sealed record ChatLogReaderOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ChatLogReaderOptions Default { get; } = new();

    /// <summary>
    /// Longest message body kept, in characters; longer bodies are cut and reported.
    /// The longest body in the real corpus is under 4,000 characters.
    /// </summary>
    public int MaxBodyLength { get; init; } = 65_536;

    /// <summary>Longest speaker nick kept, in characters; longer nicks are cut and reported.</summary>
    public int MaxSpeakerLength { get; init; } = 256;

    /// <summary>Largest file <see cref="ChatLogReader.ReadFile"/> loads; larger files are reported and skipped.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most problems reported for one file; the rest are summed up in one last problem.</summary>
    public int MaxProblemsPerFile { get; init; } = 100;
}
