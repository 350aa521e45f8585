namespace KnowledgeBase.Core.Privacy;

/// <summary>One piece of personal data found in a text.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Index">Index of its first character in the text.</param>
/// <param name="Length">Its length in characters.</param>
public sealed record PersonalDataMatch(PersonalDataKind Kind, int Index, int Length);
