namespace KnowledgeBase.Core.Domain;

/// <summary>Someone who answered an entry's question.</summary>
/// <param name="Name">The speaker's name.</param>
/// <param name="Company">Company, when known from the nick.</param>
/// <param name="Role">Role, when known from the nick.</param>
/// <param name="Answers">How many answer messages of the entry are theirs.</param>
public sealed record Expert(string Name, string? Company, string? Role, int Answers);
