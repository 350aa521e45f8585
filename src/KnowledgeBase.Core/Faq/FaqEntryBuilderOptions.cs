namespace KnowledgeBase.Core.Faq;

/// <summary>Settings of <see cref="FaqEntryBuilder"/>.</summary>
public sealed record FaqEntryBuilderOptions
{
    /// <summary>
    /// A question joins an earlier entry when the Jaccard similarity of its content-word set and that of the entry's
    /// first question reaches this value.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.6;

    /// <summary>Questions with fewer distinct content words are never merged: short questions look alike by chance.</summary>
    public int MinMergeWords { get; init; } = 3;

    /// <summary>At most this many attributed parts in an answer, most informative first.</summary>
    public int MaxAnswerParts { get; init; } = 6;

    /// <summary>Keywords per entry.</summary>
    public int KeywordsPerEntry { get; init; } = 5;

    /// <summary>Status of every new entry.</summary>
    public string Status { get; init; } = "candidate";
}
