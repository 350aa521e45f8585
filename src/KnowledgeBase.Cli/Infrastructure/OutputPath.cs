namespace KnowledgeBase.Cli.Infrastructure;

/// <summary>
/// The checks a verb makes of the paths it will write, before it does any work: a file where a folder is needed (or the
/// other way round) would otherwise fail only when the output is written, after the long work and with a .NET message.
/// </summary>
internal static class OutputPath
{
    /// <summary>What is wrong with <paramref name="path"/> as a file to create or update, or null when nothing is.</summary>
    /// <param name="option">The option that named it, e.g. <c>--db</c>.</param>
    /// <param name="path">The file.</param>
    public static string? FileProblem(string option, string path) =>
        Directory.Exists(path) ? $"{option} {path} is a folder, expected a file"
        : FileAmongFolders(path) is { } file ? $"{option} {path}: {file} is a file, not a folder"
        : null;

    /// <summary>What is wrong with <paramref name="path"/> as a folder to create or write into, or null when nothing is.</summary>
    /// <param name="option">The option that named it, e.g. <c>--out</c>.</param>
    /// <param name="path">The folder.</param>
    public static string? FolderProblem(string option, string path) =>
        File.Exists(path) ? $"{option} {path} is a file, expected a folder"
        : FileAmongFolders(path) is { } file ? $"{option} {path}: {file} is a file, not a folder"
        : null;

    // The nearest folder above the path, as it was given, that is a file: the path could not be created under it.
    private static string? FileAmongFolders(string path)
    {
        for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder))
            {
                return null;
            }

            if (File.Exists(folder))
            {
                return folder;
            }
        }

        return null;
    }
}
