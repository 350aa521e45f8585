using System.Text.Json;
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

    [Fact]
    public void A_large_document_reaches_the_stream_in_pieces_not_held_whole_until_the_end()
    {
        // 1,000 copies of the sample's three exchanges and two entries: almost 5 MB of JSON.
        var sample = SampleDocuments.Payments();
        var copies = Enumerable.Range(0, 1000).ToList();
        var document = sample with
        {
            Exchanges = [.. copies.SelectMany(c => sample.Exchanges.Select(x => x with { Id = $"{x.Id}-{c}" }))],
            Entries = [.. copies.SelectMany(c => sample.Entries.Select(e => e with { Id = $"{e.Id}-{c}" }))],
        };
        using var stream = new LargestWriteStream();

        new FaqJsonWriter().Write(document, stream);

        Assert.True(stream.Length > 4_000_000, $"wrote {stream.Length} bytes");
        Assert.True(stream.LargestWrite < 256 * 1024, $"one write of {stream.LargestWrite} bytes");
        stream.Position = 0;
        var read = JsonDocument.Parse(stream);
        Assert.Equal(3000, read.RootElement.GetProperty("exchanges").GetArrayLength());
        Assert.Equal(2000, read.RootElement.GetProperty("entries").GetArrayLength());
    }

    private sealed class LargestWriteStream : MemoryStream
    {
        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            LargestWrite = Math.Max(LargestWrite, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            base.Write(buffer);
        }
    }
}
