namespace KnowledgeBase.Core.Tests.Reading;

/// <summary>Where the tests find the golden files, the sample data and the shared corpus.</summary>
internal static class ReadingTestPaths
{
    /// <summary>Golden files as copied next to the test assembly.</summary>
    public static string Golden => Path.Combine(AppContext.BaseDirectory, "Reading", "Golden");

    /// <summary>The folder holding <c>KnowledgeBase.sln</c>.</summary>
    public static string RepositoryRoot =>
        Ancestors().FirstOrDefault(folder => File.Exists(Path.Combine(folder, "KnowledgeBase.sln")))
        ?? throw new InvalidOperationException($"no KnowledgeBase.sln above {AppContext.BaseDirectory}");

    /// <summary>Golden files in the source tree, written when <c>KB_UPDATE_GOLDEN=1</c>.</summary>
    public static string SourceGolden => Path.Combine(RepositoryRoot, "tests", "KnowledgeBase.Core.Tests", "Reading", "Golden");

    public static string Sample => Path.Combine(RepositoryRoot, "data", "sample");

    /// <summary>The shared corpus, <c>&lt;repo&gt;/../shared/corpus</c>, or null where it is absent.</summary>
    public static string? Corpus =>
        Ancestors()
            .Select(folder => Path.GetFullPath(Path.Combine(folder, "..", "shared", "corpus")))
            .FirstOrDefault(Directory.Exists);

    public static bool UpdateGolden => Environment.GetEnvironmentVariable("KB_UPDATE_GOLDEN") == "1";

    private static IEnumerable<string> Ancestors()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            yield return folder.FullName;
        }
    }
}
