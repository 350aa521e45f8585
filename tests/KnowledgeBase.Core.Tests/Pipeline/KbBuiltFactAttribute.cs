namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>
/// A fact that runs the real <c>kb</c> command; skipped, saying why, when <c>KnowledgeBase.Cli.dll</c> has not been built. The test
/// project builds the CLI before itself without referencing its assembly, so the dll is looked for at
/// <c>src/KnowledgeBase.Cli/bin/&lt;config&gt;/net10.0</c> above the test assembly, the test's own configuration first.
/// </summary>
public sealed class KbBuiltFactAttribute : FactAttribute
{
    public KbBuiltFactAttribute()
    {
        if (KbDll is null)
        {
            Skip = $"kb not built: no src/KnowledgeBase.Cli/bin/<Release|Debug>/net10.0/KnowledgeBase.Cli.dll above {AppContext.BaseDirectory} "
                + "(run 'dotnet build KnowledgeBase.sln' first)";
        }
    }

    /// <summary>The repository root: the folder holding <c>KnowledgeBase.sln</c>, or null.</summary>
    public static string? RepositoryRoot { get; } = FindRoot();

    /// <summary>The built <c>KnowledgeBase.Cli.dll</c>, or null (initialised after the root, which it needs).</summary>
    public static string? KbDll { get; } = Locate();

    private static string? Locate()
    {
        if (RepositoryRoot is null)
        {
            return null;
        }

        // bin/<config>/net10.0/ of the test assembly tells which configuration this run built.
        var ownConfig = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Release";
        return new[] { ownConfig, "Release", "Debug" }
            .Select(config => Path.Combine(RepositoryRoot, "src", "KnowledgeBase.Cli", "bin", config, "net10.0", "KnowledgeBase.Cli.dll"))
            .FirstOrDefault(File.Exists);
    }

    private static string? FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KnowledgeBase.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
