using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Reading;

public sealed class ChatLogFinderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kb-finder-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Finds_markdown_files_recursively_in_ordinal_order_of_relative_path()
    {
        Touch("proddev/2018-03-05-chat.markdown");
        Touch("devarch/2017-12-10-chat.md");
        Touch("devarch/notes.txt");
        Touch("Zeta.MD");
        Touch("a/b/c/2018-01-01-chat.markdown");
        Touch(".git/readme.md");

        var found = ChatLogFinder.Find(root);

        Assert.Equal(
            ["Zeta.MD", "a/b/c/2018-01-01-chat.markdown", "devarch/2017-12-10-chat.md", "proddev/2018-03-05-chat.markdown"],
            found.Files.Select(file => file.RelativePath));
        Assert.Equal(Path.Combine(root, "a", "b", "c", "2018-01-01-chat.markdown"), found.Files[1].FullPath);
        Assert.Empty(found.Problems);
    }

    [Fact]
    public void Symbolic_link_loops_are_reported_and_not_followed()
    {
        Touch("group/2018-03-05-chat.markdown");
        Directory.CreateSymbolicLink(Path.Combine(root, "group", "loop"), root);
        Directory.CreateSymbolicLink(Path.Combine(root, "group", "self"), ".");

        var found = ChatLogFinder.Find(root);

        Assert.Equal(["group/2018-03-05-chat.markdown"], found.Files.Select(file => file.RelativePath));
        Assert.Equal(2, found.Problems.Count);
        Assert.All(found.Problems, problem => Assert.Contains("already searched", problem.Message, StringComparison.Ordinal));
        Assert.Equal(["group/loop", "group/self"], found.Problems.Select(problem => problem.Path));
    }

    [Fact]
    public void Links_to_other_folders_are_followed_and_broken_links_reported()
    {
        var elsewhere = Directory.CreateTempSubdirectory("kb-finder-target-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(elsewhere, "2018-03-06-chat.markdown"), "---\n---\n");
            Directory.CreateSymbolicLink(Path.Combine(root, "linked"), elsewhere);
            File.CreateSymbolicLink(Path.Combine(root, "dangling.markdown"), Path.Combine(root, "missing.markdown"));
            Directory.CreateSymbolicLink(Path.Combine(root, "gone"), Path.Combine(root, "no-such-folder"));

            var found = ChatLogFinder.Find(root);

            Assert.Equal(["linked/2018-03-06-chat.markdown"], found.Files.Select(file => file.RelativePath));
            Assert.Equal(
                ["dangling.markdown: broken symbolic link: not followed", "gone: broken symbolic link: not followed"],
                found.Problems.Select(problem => problem.ToString()));
            // The link named like a chat log is a skipped file; the other may have been a folder.
            Assert.Equal(1, found.UnfollowedChatLogs);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void A_folder_left_out_is_not_searched_wherever_it_is_reached_from_and_what_it_holds_is_counted()
    {
        Touch("group/2018-03-05-chat.markdown");
        Touch("group/kb/index.md");
        Touch("group/kb/wiki/topic-t01.md");
        Touch("group/kb/faq.json");
        Directory.CreateSymbolicLink(Path.Combine(root, "via-link"), Path.Combine(root, "group", "kb"));

        var found = ChatLogFinder.Find(root, [Path.Combine(root, "group", "kb")]);

        Assert.Equal(["group/2018-03-05-chat.markdown"], found.Files.Select(file => file.RelativePath));
        Assert.Empty(found.Problems);
        Assert.Equal([new LeftOutFolder("group/kb", 2), new LeftOutFolder("via-link", 2)], found.LeftOut);
    }

    [Fact]
    public void A_folder_holding_a_kb_export_record_is_left_out_below_the_root_but_the_root_itself_is_searched()
    {
        Touch("group/2018-03-05-chat.markdown");
        Touch("wiki/.kb-export");
        Touch("wiki/index.md");
        Touch("group/site/topic-t01.md");
        Touch("group/site/.kb-export");
        Touch("group/site/old/.kb-export");
        Touch("group/site/old/index.md");
        Touch("group/.kb-export/not-a-record.md");

        var found = ChatLogFinder.Find(root);
        var inside = ChatLogFinder.Find(Path.Combine(root, "wiki"));

        Assert.Equal(["group/2018-03-05-chat.markdown"], found.Files.Select(file => file.RelativePath));
        Assert.Equal([new LeftOutFolder("group/site", 2) { IsExport = true }, new LeftOutFolder("wiki", 1) { IsExport = true }], found.LeftOut);
        Assert.Equal(["index.md"], inside.Files.Select(file => file.RelativePath));
        Assert.Empty(inside.LeftOut);
    }

    [Fact]
    public void Leaving_out_the_root_itself_a_folder_outside_it_or_one_that_does_not_exist_changes_nothing()
    {
        Touch("group/2018-03-05-chat.markdown");
        var outside = Directory.CreateTempSubdirectory("kb-finder-outside-").FullName;
        try
        {
            var found = ChatLogFinder.Find(root, [root, outside, Path.Combine(root, "group", "no-such-folder")]);

            Assert.Equal(["group/2018-03-05-chat.markdown"], found.Files.Select(file => file.RelativePath));
            Assert.Empty(found.LeftOut);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void Missing_root_is_a_problem_not_an_exception()
    {
        var missing = Path.Combine(root, "nope");

        var found = ChatLogFinder.Find(missing);

        Assert.Empty(found.Files);
        Assert.Equal($"{missing}: input folder does not exist", Assert.Single(found.Problems).ToString());
    }

    [Theory]
    [InlineData("a.markdown", true)]
    [InlineData("a.MD", true)]
    [InlineData("a.md", true)]
    [InlineData("a.mdx", false)]
    [InlineData("a.markdown.bak", false)]
    public void Chat_logs_are_markdown_files(string name, bool expected) => Assert.Equal(expected, ChatLogFinder.IsChatLog(name));

    private void Touch(string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "---\n---\n");
    }
}
