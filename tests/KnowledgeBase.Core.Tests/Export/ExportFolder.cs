namespace KnowledgeBase.Core.Tests.Export;

/// <summary>A fresh output folder under the system temp folder, deleted on dispose.</summary>
internal sealed class ExportFolder : IDisposable
{
    public ExportFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kb-export-" + Guid.NewGuid().ToString("N"));

    public string Read(string name) => File.ReadAllText(System.IO.Path.Combine(Path, name));

    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public string AllText() => string.Join("\n", Files().Select(Read));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
