namespace KnowledgeBase.Core.Domain;

/// <summary>A problem with the input, reported as <c>path:line: what is wrong</c>; the run goes on.</summary>
/// <param name="Path">File path relative to the input root.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record InputProblem(string Path, int Line, string Message)
{
    /// <summary>How many problems this one stands for: more than one for the line that says how many of a file's were not listed.</summary>
    public int Count { get; init; } = 1;

    /// <summary>How many problems a list stands for.</summary>
    /// <param name="problems">The problems, as listed.</param>
    /// <returns>The number of problems found, listed or not.</returns>
    public static int Total(IEnumerable<InputProblem> problems) => problems.Sum(p => p.Count);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
