namespace KnowledgeBase.Core.Tests.Exchanges;

/// <summary>Corpus tests share one <see cref="CorpusFixture"/>: the corpus is read once per run.</summary>
[CollectionDefinition(Name)]
public sealed class CorpusCollectionDefinition : ICollectionFixture<CorpusFixture>
{
    public const string Name = "Corpus";
}
