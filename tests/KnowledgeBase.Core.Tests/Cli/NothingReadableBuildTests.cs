using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// Runs the real <c>kb build</c> on a folder with no chat log in it, over the out folder of a build of the sample (the
/// user's <c>kb build &lt;empty folder&gt; --out d1copy</c>): it must exit 2, name the folder, and leave faq.json, the
/// review store and the build cache byte for byte as they were.
/// </summary>
public sealed class NothingReadableBuildTests : IDisposable
{
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [KbBuiltFact]
    public void A_build_of_a_folder_without_chat_logs_exits_2_and_leaves_the_out_folder_alone()
    {
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        var output = Path.Combine(work.Path, "out");
        var (first, _) = Build(sample, output);
        Assert.True(first is 0 or 1, $"the build of the sample failed with exit code {first}");
        var before = Snapshot(output);
        Assert.Contains("faq.json", before.Keys);
        Assert.Contains("kb.db", before.Keys);
        Assert.Contains("build-cache.db", before.Keys);
        var empty = work.Write(Path.Combine("empty", "readme.txt"), "chat logs go here\n");

        var (code, stderr) = Build(Path.GetDirectoryName(empty)!, output);

        Assert.Equal(2, code);
        Assert.Contains($"nothing readable in {Path.GetDirectoryName(empty)}", stderr, StringComparison.Ordinal);
        var after = Snapshot(output);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
    }

    [KbBuiltFact]
    public void A_build_of_only_unreadable_files_into_a_new_folder_exits_2_and_creates_nothing()
    {
        // A chat log by name, but binary: the build opens its cache before it finds that nothing can be read.
        var binary = work.Write(Path.Combine("binary", "g", "2024-03-05-chat.md"), "\0\u0001\u0002 not a chat log\n");
        var output = Path.Combine(work.Path, "new-out");

        var (code, stderr) = Build(Path.GetDirectoryName(Path.GetDirectoryName(binary))!, output);

        Assert.Equal(2, code);
        Assert.Contains("no file gave a message", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), $"{output} was created: {string.Join(", ", Directory.Exists(output) ? Directory.GetFiles(output) : [])}");
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    private static (int ExitCode, string Stderr) Build(string input, string output)
    {
        var (code, _, stderr) = KbProcess.Run("build", input, "--out", output);
        return (code, stderr);
    }
}
