using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Tests.Evaluation;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class FaqJsonWriterTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Writing_removes_the_temporary_files_of_killed_writers_and_leaves_other_files()
    {
        // A process id no process has (above Linux's largest), a name without a process id, and another target's file.
        var dead = folder.Write(".faq.json.2147483000.tmp", "{\"half\": ");
        var notAPid = folder.Write(".faq.json.notapid.tmp", "not a writer's name");
        var alive = Path.Combine(folder.Path, $".faq.json.{Environment.ProcessId}.tmp");
        var other = folder.Write(".other.json.2147483000.tmp", "another target's");

        new FaqJsonWriter().WriteFile(SampleDocuments.Payments(), Path.Combine(folder.Path, "faq.json"));

        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(alive), "the writer's own temporary file is renamed into place");
        Assert.True(File.Exists(notAPid));
        Assert.True(File.Exists(other));
        Assert.True(File.Exists(Path.Combine(folder.Path, "faq.json")));
    }

    [Fact]
    public void A_temporary_file_of_a_process_that_still_runs_is_left_alone()
    {
        // Process 1 (init) always runs on Linux; elsewhere the current process stands in.
        var pid = OperatingSystem.IsLinux() ? 1 : Environment.ProcessId;
        var live = folder.Write($".faq.json.{pid}.tmp", "{\"being written\": ");

        new FaqJsonWriter().WriteFile(SampleDocuments.Payments(), Path.Combine(folder.Path, "faq.json"));

        Assert.Equal(OperatingSystem.IsLinux(), File.Exists(live));
    }
}
