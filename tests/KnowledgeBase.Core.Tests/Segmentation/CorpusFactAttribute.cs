namespace KnowledgeBase.Core.Tests.Segmentation;

/// <summary>A fact that needs the real corpus; skipped, saying why, where the corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (SegmentationCorpus.Directory is null)
        {
            Skip = "The chat corpus was not found in any ancestor's shared/corpus (expected ../shared/corpus beside the repository).";
        }
    }
}
