using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>Collects the problems of one file, keeping at most a fixed number so hostile input stays cheap.</summary>
internal sealed class ProblemLog(string path, int limit)
{
    private readonly List<InputProblem> problems = [];
    private int suppressed;

    public string Path { get; } = path;

    public void Add(int line, string message)
    {
        if (problems.Count >= limit)
        {
            suppressed++;
            return;
        }

        problems.Add(new InputProblem(Path, line, message));
    }

    public IReadOnlyList<InputProblem> ToList()
    {
        if (suppressed == 0)
        {
            return problems.AsReadOnly();
        }

        problems.Add(new InputProblem(Path, 0, $"{suppressed} more problems not listed") { Count = suppressed });
        suppressed = 0;
        return problems.AsReadOnly();
    }
}
