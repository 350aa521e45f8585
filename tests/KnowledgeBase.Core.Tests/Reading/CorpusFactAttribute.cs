namespace KnowledgeBase.Core.Tests.Reading;

/// <summary>A fact that needs the shared corpus; skipped, saying why, where the corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (ReadingTestPaths.Corpus is null)
        {
            Skip = $"shared corpus not found: no ../shared/corpus beside any folder above {AppContext.BaseDirectory}";
        }
    }
}
