using KnowledgeBase.Core.Pipeline;
using KnowledgeBase.Core.Tests.Export;

namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>Two builds of <c>data/sample</c> with the same options, shared by the pipeline tests.</summary>
public sealed class SampleBuildFixture
{
    /// <summary>The build time written into both documents.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2024, 3, 8, 9, 30, 0, TimeSpan.Zero);

    public SampleBuildFixture()
    {
        SampleRoot = RepositoryFolder.Combine("data", "sample");
        var options = new KnowledgeBasePipelineOptions(SampleRoot) { GeneratedAt = GeneratedAt };
        First = new KnowledgeBasePipeline().Run(options);
        Second = new KnowledgeBasePipeline().Run(options);
    }

    /// <summary>The absolute path of <c>data/sample</c>.</summary>
    public string SampleRoot { get; }

    public PipelineResult First { get; }

    public PipelineResult Second { get; }
}
