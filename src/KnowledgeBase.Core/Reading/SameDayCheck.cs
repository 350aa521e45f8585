using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>What <see cref="SameDayFiles.Check"/> found.</summary>
/// <param name="Skipped">Paths of the copies not to read: the same group, day and content as a file that is read.</param>
/// <param name="Problems">One problem for each file of a group and day held by more than one file.</param>
public sealed record SameDayCheck(IReadOnlySet<string> Skipped, IReadOnlyList<InputProblem> Problems);
