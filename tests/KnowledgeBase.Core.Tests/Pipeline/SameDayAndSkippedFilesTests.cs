using KnowledgeBase.Core.Pipeline;
using KnowledgeBase.Core.Tests.Evaluation;

namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>
/// A build of the sample with a saved copy of one day, an empty file, a binary file and notes beside it: the copy is read
/// once, and only files that gave messages count as read.
/// </summary>
public sealed class SameDayAndSkippedFilesTests(SampleBuildFixture sample) : IClassFixture<SampleBuildFixture>, IDisposable
{
    private const string Copy = "payexpert/2024-03-05-chat (1).markdown";
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void A_copy_of_a_day_is_skipped_and_skipped_files_are_counted_apart()
    {
        var input = Path.Combine(work.Path, "in");
        FolderCopy.All(sample.SampleRoot, input);

        File.Copy(Path.Combine(input, "payexpert", "2024-03-05-chat.markdown"), Path.Combine(input, Copy));
        File.WriteAllText(Path.Combine(input, "payexpert", "2024-03-10-chat.markdown"), string.Empty);
        File.WriteAllBytes(Path.Combine(input, "payexpert", "2024-03-11-chat.markdown"), [0, 1, 2, 0xFF]);
        File.WriteAllText(Path.Combine(input, "payexpert", "notes.md"), "# just notes\n\nnot a chat\n");

        var result = new KnowledgeBasePipeline().Run(new KnowledgeBasePipelineOptions(input) { GeneratedAt = SampleBuildFixture.GeneratedAt });

        var expected = sample.First.Document;
        Assert.Equal(expected.Input.Files, result.Document.Input.Files);
        Assert.Equal(4, result.Document.Input.SkippedFiles);
        Assert.Equal(expected.Input.Messages, result.Document.Input.Messages);
        Assert.Equal(sample.First.HeaderLines, result.HeaderLines);
        Assert.Equal(expected.Exchanges.Select(e => e.Id), result.Document.Exchanges.Select(e => e.Id));
        Assert.Equal(expected.Entries.Select(e => e.Id), result.Document.Entries.Select(e => e.Id));
        Assert.Contains(
            $"{Copy}:1: same group and day (2024-03-05) as payexpert/2024-03-05-chat.markdown, and the same content: this copy is skipped",
            result.Problems.Select(p => p.ToString()));
    }
}
