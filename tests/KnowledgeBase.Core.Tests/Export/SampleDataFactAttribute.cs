namespace KnowledgeBase.Core.Tests.Export;

/// <summary>A fact on the project's <c>data/sample</c> chat logs; skipped, saying why, while that folder is absent.</summary>
internal sealed class SampleDataFactAttribute : FactAttribute
{
    public SampleDataFactAttribute() =>
        Skip = Directory.Exists(SampleFolder) ? null : $"data/sample not found at {SampleFolder}";

    public static string SampleFolder => RepositoryFolder.Combine("data", "sample");
}
