namespace KnowledgeBase.Core.Topics;

/// <summary>Settings of <see cref="TopicClusterer"/>.</summary>
public sealed record TopicClustererOptions
{
    /// <summary>Fixed number of topics, or <c>null</c> to choose it from the data within <see cref="MinTopics"/>..<see cref="MaxTopics"/>.</summary>
    public int? TopicCount { get; init; }

    /// <summary>Seed of every random choice (k-means++ starts, the LSA sketch): the same seed and input give the same topics.</summary>
    public int Seed { get; init; } = 20180305;

    /// <summary>Smallest topic count tried when choosing from the data.</summary>
    public int MinTopics { get; init; } = 8;

    /// <summary>Largest topic count tried when choosing from the data.</summary>
    public int MaxTopics { get; init; } = 60;

    /// <summary>Counts above n divided by this are not tried, so that small inputs get few topics.</summary>
    public int MinExchangesPerTopic { get; init; } = 20;

    /// <summary>How many topic counts are tried, evenly spaced over the range.</summary>
    public int CountsTried { get; init; } = 14;

    /// <summary>
    /// Counts are tried on at most this many exchanges (an even spread of them), so that choosing the count costs the same
    /// however large the input grows; the chosen count then clusters all exchanges.
    /// </summary>
    public int SelectionSampleSize { get; init; } = 10_000;

    /// <summary>
    /// The smallest count whose silhouette comes within this of the best count's is chosen: the silhouette of short
    /// texts keeps creeping up with the count long after the topics stop getting clearer.
    /// </summary>
    public double SilhouetteTolerance { get; init; } = 0.01;

    /// <summary>k-means runs for the chosen count, from different seeds; the tightest is kept.</summary>
    public int Restarts { get; init; } = 3;

    /// <summary>Largest share of exchanges one topic may hold; larger clusters are split in two until none is.</summary>
    public double MaxTopicShare { get; init; } = 0.25;

    /// <summary>Dimensions of the dense (LSA) space the exchanges are projected to before k-means.</summary>
    public int Dimensions { get; init; } = 32;

    /// <summary>
    /// How much the exchange's mean word vector counts against its LSA vector (which counts once); 0 leaves word vectors
    /// out. They let questions meet that share no word but use words of the same company.
    /// </summary>
    public double WordVectorWeight { get; init; } = 3;

    /// <summary>
    /// Fewer exchanges than this are clustered on their LSA vectors alone: a few dozen exchanges hold too little text to
    /// learn what their words mean.
    /// </summary>
    public int WordVectorMinExchanges { get; init; } = 300;

    /// <summary>Length of the word vectors learned from the exchanges.</summary>
    public int WordVectorDimensions { get; init; } = 100;

    /// <summary>Words within this many positions of each other co-occur when learning word vectors.</summary>
    public int WordVectorWindow { get; init; } = 5;

    /// <summary>Words used fewer times than this in the exchanges get no vector.</summary>
    public int WordVectorMinCount { get; init; } = 3;

    /// <summary>
    /// Word vectors are learned from at most this many exchanges (an even spread of them), so that their memory and time
    /// stay bounded however large the input grows; every exchange is then embedded with them.
    /// </summary>
    public int WordVectorSampleSize { get; init; } = 20_000;

    /// <summary>How many times the question's words count against the answer's once.</summary>
    public int QuestionWeight { get; init; } = 2;

    /// <summary>How many extra times the payment-domain terms count.</summary>
    public int DomainTermWeight { get; init; } = 1;

    /// <summary>Whether the answer's words take part (they help when questions are short).</summary>
    public bool IncludeAnswers { get; init; } = true;

    /// <summary>Keywords per topic, between 3 and 6.</summary>
    public int KeywordsPerTopic { get; init; } = 5;

    /// <summary>
    /// The previous build's topics are continued (see <see cref="TopicClusterer.Cluster"/>) when that build clustered at
    /// least this share of the exchanges; below it (the input grew by more than a quarter, or is another input) topics
    /// are chosen afresh.
    /// </summary>
    public double ContinueMinShare { get; init; } = 0.8;
}
