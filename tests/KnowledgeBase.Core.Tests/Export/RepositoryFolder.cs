namespace KnowledgeBase.Core.Tests.Export;

/// <summary>Finds the repository root (the folder holding KnowledgeBase.sln) above the test's base directory.</summary>
internal static class RepositoryFolder
{
    public static string Path { get; } = Locate();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KnowledgeBase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"KnowledgeBase.sln not found above {AppContext.BaseDirectory}");
    }
}
