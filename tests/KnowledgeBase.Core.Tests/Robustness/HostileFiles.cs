using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Robustness;

/// <summary>The committed hostile files (copied beside the test assembly) and a renderer of what the reader made of one.</summary>
internal static class HostileFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Robustness", "Hostile");

    /// <summary>Reads <c>Hostile/&lt;name&gt;.markdown</c> from disk as if it sat in group <c>hostile</c>, under the hang guard.</summary>
    public static ChatLogReadResult Read(string name)
    {
        var root = Directory.CreateTempSubdirectory("kb-hostile-").FullName;
        try
        {
            var path = Path.Combine(root, "hostile", $"2024-03-05-{name}.markdown");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Path.Combine(Folder, name + ".markdown"), path);
            return HangGuard.Within(name, () => new ChatLogReader().ReadFile(root, path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Counts and every problem as <c>path:line: message</c>, one per line, for a whole-output assertion.</summary>
    public static string Diagnostics(ChatLogReadResult result) =>
        string.Join('\n', [$"messages {result.Day.Messages.Count}, headers {result.HeaderLines}", .. result.Problems.Select(p => p.ToString())]);
}
