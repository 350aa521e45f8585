namespace KnowledgeBase.Core.Curation;

/// <summary>An analyst's edit of an entry; a <see langword="null"/> field is left as it is.</summary>
/// <param name="Question">The new question.</param>
/// <param name="Answer">The new answer.</param>
/// <param name="TopicId">The topic to move the entry to.</param>
public sealed record EntryEdit(string? Question = null, string? Answer = null, string? TopicId = null)
{
    /// <summary>True when the edit changes nothing.</summary>
    public bool IsEmpty => Question is null && Answer is null && TopicId is null;
}
