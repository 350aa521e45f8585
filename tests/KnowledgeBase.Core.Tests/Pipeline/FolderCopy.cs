namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>Copies chat logs (the bundled sample, mostly) into a test's own folder, keeping their paths below the root.</summary>
internal static class FolderCopy
{
    /// <summary>Copies every file below <paramref name="from"/> to the same path below <paramref name="to"/>.</summary>
    public static void All(string from, string to) => Files(from, Directory.GetFiles(from, "*", SearchOption.AllDirectories), to);

    /// <summary>Copies <paramref name="files"/>, each below <paramref name="from"/>, to the same paths below <paramref name="to"/>.</summary>
    public static void Files(string from, IEnumerable<string> files, string to)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
