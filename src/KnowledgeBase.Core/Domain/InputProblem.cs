namespace KnowledgeBase.Core.Domain;

/// <summary>A problem with the input, reported as <c>path:line: what is wrong</c>; the run goes on.</summary>
/// <param name="Path">File path relative to the input root.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record InputProblem(string Path, int Line, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Message}" : $"{Path}: {Message}";
}
