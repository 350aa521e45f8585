namespace KnowledgeBase.Core.Reading;

/// <summary>A chat-log file found under an input root.</summary>
/// <param name="RelativePath">Path relative to the input root, with forward slashes.</param>
/// <param name="FullPath">Absolute path to read the file from (through any symbolic links on the way).</param>
public sealed record ChatLogFile(string RelativePath, string FullPath);
