namespace KnowledgeBase.Core.Tests.Segmentation;

/// <summary>Finds the shared chat corpus (<c>../shared/corpus</c> from the repository) and reads its message lines.</summary>
internal static class SegmentationCorpus
{
    public static string? Directory { get; } = Find();

    /// <summary>Body lines of every chat log: front matter, message headers, images and blank lines left out.</summary>
    public static IEnumerable<string> BodyLines()
    {
        if (Directory is null)
        {
            yield break;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.markdown", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var frontMatterRules = 0;
            foreach (var line in File.ReadLines(file))
            {
                if (frontMatterRules < 2)
                {
                    frontMatterRules += line.StartsWith("---", StringComparison.Ordinal) ? 1 : 0;
                    continue;
                }

                var text = line.Trim();
                if (text.Length > 0 && !text.StartsWith("> ", StringComparison.Ordinal) && !text.StartsWith("![", StringComparison.Ordinal))
                {
                    yield return text;
                }
            }
        }
    }

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "corpus");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
