namespace KnowledgeBase.Cli.Infrastructure;

/// <summary>The check every command that reads a chat-log folder makes of it.</summary>
internal static class InputFolder
{
    /// <summary>What is wrong with <paramref name="path"/> as an input folder, or null when it is one.</summary>
    /// <param name="path">The folder given.</param>
    public static string? Problem(string path) =>
        Directory.Exists(path) ? null
        : File.Exists(path) ? $"{path} is a file: give the folder that holds the chat logs (kb show-day reads a single day)"
        : $"input folder not found: {path}";
}
