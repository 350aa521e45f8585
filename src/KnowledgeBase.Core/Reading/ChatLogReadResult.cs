using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>What <see cref="ChatLogReader"/> made of one file.</summary>
/// <param name="Day">The day with every message that could be read; never null, even for an unreadable file.</param>
/// <param name="Problems">Everything wrong with the file, in line order within each kind of check.</param>
/// <param name="HeaderLines">
/// Lines matching <c>^&gt; HH:MM:SS</c> in the decoded text, counted independently of the messages,
/// so a caller can compare messages read with headers seen.
/// </param>
public sealed record ChatLogReadResult(ChatDay Day, IReadOnlyList<InputProblem> Problems, int HeaderLines);
