namespace KnowledgeBase.Core.Reading;

/// <summary>The bytes of a chat-log file, taken from disk but not read yet.</summary>
/// <param name="RelativePath">Path relative to the input root, with forward slashes.</param>
/// <param name="Content">The bytes; null when the file could not be taken.</param>
/// <param name="Failure">Why not: an empty day with the problem; null when <paramref name="Content"/> is set.</param>
public sealed record LoadedChatLog(string RelativePath, byte[]? Content, ChatLogReadResult? Failure);
