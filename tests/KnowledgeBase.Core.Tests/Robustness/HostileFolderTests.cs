using System.Runtime.Versioning;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Robustness;

/// <summary>
/// Hostile folder trees, as <c>kb build</c> meets them: <see cref="ChatLogFinder"/> then <see cref="ChatLogReader"/> on
/// every file found, under the hang guard, with the finder's and the reader's diagnostics asserted.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HostileFolderTests : IDisposable
{
    private const string Day = "---\ndate: 2024-03-05\n---\n> 10:00:00  高远  \n   \n请问退款几天到账  \n   \n> 10:00:30  林晓  \n   \n三个工作日  \n";

    private readonly string root = Directory.CreateTempSubdirectory("kb-hostile-tree-").FullName;

    public void Dispose()
    {
        // Give back any mode a test took away, or the clean-up itself would fail.
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            if (!File.GetAttributes(entry).HasFlag(FileAttributes.ReparsePoint))
            {
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Duplicate_files_are_each_found_and_read_with_their_own_paths()
    {
        Write("payexpert/2024-03-05-chat.markdown", Day);
        Write("payexpert-copy/2024-03-05-chat.markdown", Day);
        Write("payexpert/2024-03-05-chat (1).md", Day);
        File.CreateSymbolicLink(Path.Combine(root, "payexpert-copy", "linked.markdown"), Path.Combine(root, "payexpert", "2024-03-05-chat.markdown"));

        var (found, results) = FindAndRead();

        Assert.Empty(found.Problems);
        Assert.Equal(
            ["payexpert-copy/2024-03-05-chat.markdown", "payexpert-copy/linked.markdown", "payexpert/2024-03-05-chat (1).md", "payexpert/2024-03-05-chat.markdown"],
            found.Files.Select(file => file.RelativePath));
        Assert.All(results, result => Assert.Equal(2, result.Day.Messages.Count));

        // The copy without a date in its name takes the front matter's; nothing else differs but the path.
        Assert.All(results, result => Assert.Empty(result.Problems));
        Assert.Equal(4, results.Select(result => result.Day.Messages[0].Source).Distinct().Count());
        Assert.Single(results.Select(result => string.Join('|', result.Day.Messages.Select(m => m.Body))).Distinct());
    }

    [Fact]
    public void Symbolic_link_loops_of_folders_and_files_are_reported_and_not_followed()
    {
        Write("group/2024-03-05-chat.markdown", Day);
        Directory.CreateSymbolicLink(Path.Combine(root, "group", "back-to-root"), root);
        Directory.CreateSymbolicLink(Path.Combine(root, "ping"), Path.Combine(root, "pong"));
        Directory.CreateSymbolicLink(Path.Combine(root, "pong"), Path.Combine(root, "ping"));
        File.CreateSymbolicLink(Path.Combine(root, "group", "a.markdown"), Path.Combine(root, "group", "b.markdown"));
        File.CreateSymbolicLink(Path.Combine(root, "group", "b.markdown"), Path.Combine(root, "group", "a.markdown"));

        var (found, results) = FindAndRead();

        Assert.Equal(["group/2024-03-05-chat.markdown"], found.Files.Select(file => file.RelativePath));
        Assert.Equal(
            [
                "group/a.markdown: symbolic link loop (links that lead back to each other): not followed",
                "group/b.markdown: symbolic link loop (links that lead back to each other): not followed",
                $"group/back-to-root: symbolic link to a folder already searched ({ChatLogFinder.RealPath(root)}): not followed",
                "ping: symbolic link loop (links that lead back to each other): not followed",
                "pong: symbolic link loop (links that lead back to each other): not followed",
            ],
            found.Problems.Select(problem => problem.ToString()));
        Assert.Equal(2, found.UnfollowedChatLogs);
        Assert.Equal(2, Assert.Single(results).Day.Messages.Count);
    }

    [UnreadableFact]
    public void Unreadable_file_and_folder_are_reported_and_the_rest_read()
    {
        Write("group/2024-03-05-chat.markdown", Day);
        Write("group/2024-03-06-chat.markdown", Day);
        Write("locked/2024-03-07-chat.markdown", Day);
        File.SetUnixFileMode(Path.Combine(root, "group", "2024-03-06-chat.markdown"), UnixFileMode.None);
        File.SetUnixFileMode(Path.Combine(root, "locked"), UnixFileMode.None);

        var (found, results) = FindAndRead();

        Assert.StartsWith("locked: cannot list folder:", Assert.Single(found.Problems).ToString(), StringComparison.Ordinal);
        Assert.Equal(2, results.Count);
        Assert.Empty(results[0].Problems);
        Assert.StartsWith("group/2024-03-06-chat.markdown: cannot read file:", Assert.Single(results[1].Problems).ToString(), StringComparison.Ordinal);
        Assert.Empty(results[1].Day.Messages);
        Assert.Equal(new DateOnly(2024, 3, 6), results[1].Day.Date);
    }

    [Fact]
    public void Files_that_are_not_regular_files_are_reported_not_read_forever()
    {
        Write("group/2024-03-05-chat.markdown", Day);

        // A folder named like a chat log, a link to /dev/zero, which never ends, and a named pipe, which waits for a
        // writer forever when opened: neither must be read.
        Directory.CreateDirectory(Path.Combine(root, "group", "2024-03-06-chat.markdown"));
        File.CreateSymbolicLink(Path.Combine(root, "group", "2024-03-07-chat.markdown"), "/dev/zero");
        var pipe = !OperatingSystem.IsWindows();
        if (pipe)
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(root, "group", "2024-03-08-chat.markdown"));
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var (found, results) = FindAndRead();

        Assert.Empty(found.Problems);
        string[] days = pipe ? ["2024-03-05", "2024-03-07", "2024-03-08"] : ["2024-03-05", "2024-03-07"];
        Assert.Equal(days.Select(d => $"group/{d}-chat.markdown"), found.Files.Select(file => file.RelativePath));
        Assert.Empty(results[0].Problems);
        foreach (var (result, day) in results.Zip(days).Skip(1))
        {
            Assert.Empty(result.Day.Messages);
            Assert.Equal(
                $"group/{day}-chat.markdown: empty file (0 bytes; a named pipe or a device says so too): not read",
                Assert.Single(result.Problems).ToString());
        }
    }

    [Fact]
    public void A_file_name_that_is_not_UTF8_is_reported_as_such()
    {
        if (!OperatingSystem.IsLinux())
        {
            // Windows and macOS keep file names in Unicode: such a name cannot be made there.
            return;
        }

        Write("group/2024-03-05-chat.markdown", Day);
        var group = Path.Combine(root, "group");
        // .NET cannot make the name either (it writes names as UTF-8), nor delete it: the shell makes and removes it from raw bytes.
        Shell("printf x > \"$1/$(printf '2024-03-12-\\377\\376.markdown')\"", group);
        try
        {
            var (found, results) = FindAndRead();

            Assert.Equal(2, found.Files.Count);
            var problem = Assert.Single(results.SelectMany(r => r.Problems));
            Assert.Equal("group/2024-03-12-\uFFFD\uFFFD.markdown", problem.Path);
            Assert.StartsWith("cannot read file: its name is not valid UTF-8", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            Shell("rm -f \"$1\"/2024-03-12-*.markdown", group);
        }
    }

    private static void Shell(string script, string argument)
    {
        using var shell = System.Diagnostics.Process.Start("/bin/sh", ["-c", script, "sh", argument])!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }

    private (ChatLogFinderResult Found, List<ChatLogReadResult> Results) FindAndRead() =>
        HangGuard.Within("finding and reading the tree", () =>
        {
            var found = ChatLogFinder.Find(root);
            // The pipeline's limits but a smaller file limit, so an endless device costs 1 MB, not 256 MB, to refuse.
            var reader = new ChatLogReader(new ChatLogReaderOptions { MaxFileBytes = 1 << 20 });
            return (found, found.Files.Select(file => reader.ReadFile(root, file.FullPath)).ToList());
        });

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
