namespace KnowledgeBase.Core.Tests.Evaluation;

/// <summary>A fact on the real corpus and gold set; skipped, saying why, when <c>../shared</c> is absent.</summary>
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute() => Skip = SharedFolder.MissingReason;
}
