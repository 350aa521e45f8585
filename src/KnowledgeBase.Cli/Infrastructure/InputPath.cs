namespace KnowledgeBase.Cli.Infrastructure;

/// <summary>
/// The checks a verb makes of a file or folder it reads: a folder given for a file (or a file for a folder) is said to be
/// one, not reported as not found.
/// </summary>
internal static class InputPath
{
    /// <summary>What is wrong with <paramref name="path"/> as a file to read, or null when it is one.</summary>
    /// <param name="path">The file given.</param>
    /// <param name="notFound">The message when nothing is there.</param>
    public static string? FileProblem(string path, string notFound) =>
        File.Exists(path) ? null
        : Directory.Exists(path) ? $"{path} is a folder, expected a file"
        : notFound;

    /// <summary>What is wrong with <paramref name="path"/> as a folder to read, or null when it is one.</summary>
    /// <param name="path">The folder given.</param>
    /// <param name="notFound">The message when nothing is there.</param>
    public static string? FolderProblem(string path, string notFound) =>
        Directory.Exists(path) ? null
        : File.Exists(path) ? $"{path} is a file, expected a folder"
        : notFound;
}
