namespace KnowledgeBase.Core.Topics;

/// <summary>ML.NET row: one exchange as a dense, L2-normalised vector.</summary>
internal sealed class ExchangeVectorRow
{
    /// <summary>The vector; its size is declared by a schema definition at load time.</summary>
    public float[] Features { get; set; } = [];
}
