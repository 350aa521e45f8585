namespace KnowledgeBase.Core.Faq;

/// <summary>Settings of <see cref="FaqEntryBuilder"/>.</summary>
public sealed record FaqEntryBuilderOptions
{
    /// <summary>
    /// A question joins an earlier entry when the Jaccard similarity of its content-word set and that of the entry's
    /// first question reaches this value.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.6;

    /// <summary>
    /// Questions that share fewer content words than this merge only at <see cref="CloseMergeThreshold"/>: three common
    /// words (支付, 微信, 支付宝) meet by chance in questions that ask different things.
    /// </summary>
    public int MinSharedWords { get; init; } = 4;

    /// <summary>The similarity at which questions sharing fewer than <see cref="MinSharedWords"/> words merge.</summary>
    public double CloseMergeThreshold { get; init; } = 0.75;

    /// <summary>Questions with fewer distinct content words are never merged: short questions look alike by chance.</summary>
    public int MinMergeWords { get; init; } = 3;

    /// <summary>At most this many attributed parts in an answer, most informative first.</summary>
    public int MaxAnswerParts { get; init; } = 6;

    /// <summary>Keywords per entry.</summary>
    public int KeywordsPerEntry { get; init; } = 5;

    /// <summary>Status of every new entry.</summary>
    public string Status { get; init; } = "candidate";
}
