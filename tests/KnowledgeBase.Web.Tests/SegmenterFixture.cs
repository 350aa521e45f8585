using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Web.Tests;

/// <summary>One segmenter for all the server tests, loaded from the build output's <c>models/</c> and <c>Resources/</c>.</summary>
public sealed class SegmenterFixture
{
    public ChineseSegmenter Segmenter { get; } = ChineseSegmenter.Load();
}
