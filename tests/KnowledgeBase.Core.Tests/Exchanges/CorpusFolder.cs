namespace KnowledgeBase.Core.Tests.Exchanges;

/// <summary>Finds the real corpus, <c>shared/corpus</c> beside the repository, above the test's base directory.</summary>
internal static class CorpusFolder
{
    /// <summary>The corpus folder, or null when it is absent.</summary>
    public static string? Path { get; } = Locate();

    /// <summary>Why corpus tests are skipped, or null when the corpus is there.</summary>
    public static string? MissingReason =>
        Path is null ? "shared/corpus not found beside the repository (looked above the test's base directory)" : null;

    /// <summary>The absolute path of a chat-log file given relative to the corpus.</summary>
    public static string File(string relativePath) => System.IO.Path.Combine(Path!, relativePath);

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = System.IO.Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        return null;
    }
}

/// <summary>A fact on the real corpus; skipped, saying why, when <c>shared/corpus</c> is absent.</summary>
internal sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute() => Skip = CorpusFolder.MissingReason;
}

/// <summary>A theory on the real corpus; skipped, saying why, when <c>shared/corpus</c> is absent.</summary>
internal sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute() => Skip = CorpusFolder.MissingReason;
}
