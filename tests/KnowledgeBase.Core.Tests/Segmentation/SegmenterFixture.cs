using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Segmentation;

/// <summary>One segmenter for a test class, loaded from the build output's <c>models/</c> and <c>Resources/</c>.</summary>
public sealed class SegmenterFixture
{
    public ChineseSegmenter Segmenter { get; } = ChineseSegmenter.Load();
}
