namespace KnowledgeBase.Web.Tests;

/// <summary>
/// The tests that start a review server: they share one segmenter (loading jieba's dictionaries is the slow part) and
/// run one after another, each with its own store and port.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReviewServerCollectionDefinition : ICollectionFixture<SegmenterFixture>
{
    public const string Name = "review server";
}
