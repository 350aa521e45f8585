namespace KnowledgeBase.Core.Tests.Evaluation;

/// <summary>Finds the project's <c>shared/</c> folder (beside the repository) and a <c>python3</c> to run its scorer.</summary>
internal static class SharedFolder
{
    /// <summary>The first <c>shared</c> folder holding <c>gold-dev</c> above the test's base directory, or null.</summary>
    public static string? Path { get; } = Locate();

    /// <summary>The <c>python3</c> executable on the PATH, or null.</summary>
    public static string? Python { get; } = FindOnPath("python3");

    public static string GoldDev => System.IO.Path.Combine(Path!, "gold-dev");

    public static string Corpus => System.IO.Path.Combine(Path!, "corpus");

    public static string ScorePy => System.IO.Path.Combine(GoldDev, "score.py");

    public static string? MissingReason =>
        Path is null ? "shared/gold-dev not found beside the repository (looked above the test's base directory)" : null;

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string shared = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(shared, "gold-dev")))
            {
                return shared;
            }
        }

        return null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
