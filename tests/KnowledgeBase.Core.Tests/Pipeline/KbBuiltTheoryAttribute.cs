namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>A theory that runs the real <c>kb</c> command; skipped, saying why, like <see cref="KbBuiltFactAttribute"/>.</summary>
public sealed class KbBuiltTheoryAttribute : TheoryAttribute
{
    public KbBuiltTheoryAttribute()
    {
        if (KbBuiltFactAttribute.KbDll is null)
        {
            Skip = new KbBuiltFactAttribute().Skip;
        }
    }
}
