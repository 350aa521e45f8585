namespace KnowledgeBase.Core.Domain;

/// <summary>One chat-log file: one group, one day.</summary>
/// <param name="Path">Path relative to the input root, with forward slashes.</param>
/// <param name="Group">The group: the first folder of the path (see <see cref="ChatGroup"/>), empty at the root.</param>
/// <param name="Date">The day, from the front matter <c>date</c> or else from the file name.</param>
/// <param name="FrontMatter">Every front-matter key with its raw scalar value (sequences joined with <c>,</c>).</param>
/// <param name="Messages">The messages in file order.</param>
public sealed record ChatDay(
    string Path,
    string Group,
    DateOnly Date,
    IReadOnlyDictionary<string, string> FrontMatter,
    IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>
    /// True when the file read as a chat log: it has a message or a front matter (a day nobody spoke on). False for a file
    /// that could not be read, an empty or binary file, and text with neither (notes): such files are skipped, not read.
    /// </summary>
    public bool IsChatLog => Messages.Count > 0 || FrontMatter.Count > 0;
}
