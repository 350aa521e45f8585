using System.Text;

namespace KnowledgeBase.Core.Export;

/// <summary>Writes generated pages as UTF-8 without a byte-order mark, creating the folder.</summary>
internal static class PageWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<string> WriteAll(string outputDirectory, IEnumerable<(string Name, string Text)> pages)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var (name, text) in pages)
        {
            File.WriteAllText(Path.Combine(outputDirectory, name), text, Utf8);
            written.Add(name);
        }

        return written;
    }
}
