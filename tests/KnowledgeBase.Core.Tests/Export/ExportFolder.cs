using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

/// <summary>A fresh output folder under the system temp folder, deleted on dispose.</summary>
internal sealed class ExportFolder : IDisposable
{
    public ExportFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kb-export-" + Guid.NewGuid().ToString("N"));

    public string Read(string name) => File.ReadAllText(System.IO.Path.Combine(Path, name));

    /// <summary>The files in the folder, the export's record (<see cref="ExportRecord.FileName"/>) left out.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OfType<string>().Where(f => f != ExportRecord.FileName).Order(StringComparer.Ordinal).ToList();

    public string Write(string name, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, name), text);
        return System.IO.Path.Combine(Path, name);
    }

    public string AllText() => string.Join("\n", Files().Select(Read));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
