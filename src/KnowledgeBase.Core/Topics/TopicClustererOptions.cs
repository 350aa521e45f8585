namespace KnowledgeBase.Core.Topics;

/// <summary>Settings of <see cref="TopicClusterer"/>.</summary>
public sealed record TopicClustererOptions
{
    /// <summary>Fixed number of topics, or <c>null</c> to choose it from the data within <see cref="MinTopics"/>..<see cref="MaxTopics"/>.</summary>
    public int? TopicCount { get; init; }

    /// <summary>Seed of every random choice (k-means++ starts, PCA sketches): the same seed and input give the same topics.</summary>
    public int Seed { get; init; } = 20180305;

    /// <summary>Smallest topic count tried when choosing from the data.</summary>
    public int MinTopics { get; init; } = 8;

    /// <summary>Largest topic count tried when choosing from the data.</summary>
    public int MaxTopics { get; init; } = 30;

    /// <summary>Largest share of exchanges one topic may hold; larger clusters are split.</summary>
    public double MaxTopicShare { get; init; } = 0.25;

    /// <summary>Dimensions of the dense (LSA) space the exchanges are projected to before k-means.</summary>
    public int Dimensions { get; init; } = 64;

    /// <summary>How many times the question's words count against the answer's.</summary>
    public int QuestionWeight { get; init; } = 2;

    /// <summary>How many extra times a payment-domain term counts.</summary>
    public int DomainTermWeight { get; init; } = 1;

    /// <summary>Whether the answer's words take part (they help when questions are short).</summary>
    public bool IncludeAnswers { get; init; } = true;

    /// <summary>Keywords per topic, between 3 and 6.</summary>
    public int KeywordsPerTopic { get; init; } = 5;
}
