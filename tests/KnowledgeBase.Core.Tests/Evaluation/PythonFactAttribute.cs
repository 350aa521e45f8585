namespace KnowledgeBase.Core.Tests.Evaluation;

/// <summary>
/// A fact that compares us with Python; skipped, saying why, when <c>python3</c> is not on the PATH or (with
/// <see cref="NeedsShared"/>) when <c>../shared</c> is absent.
/// </summary>
internal sealed class PythonFactAttribute : FactAttribute
{
    public bool NeedsShared { get; init; }

    public override string? Skip
    {
        get => base.Skip
            ?? (SharedFolder.Python is null ? "python3 is not on the PATH" : null)
            ?? (NeedsShared ? SharedFolder.MissingReason : null);
        set => base.Skip = value;
    }
}
