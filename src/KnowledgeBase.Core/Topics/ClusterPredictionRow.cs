using Microsoft.ML.Data;

namespace KnowledgeBase.Core.Topics;

/// <summary>ML.NET output row of the k-means model.</summary>
internal sealed class ClusterPredictionRow
{
    /// <summary>1-based cluster id.</summary>
    [ColumnName("PredictedLabel")]
    public uint Cluster { get; set; }

    /// <summary>Squared distances to every centroid.</summary>
    [ColumnName("Score")]
    public float[] Distances { get; set; } = [];
}
