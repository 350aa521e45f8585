using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class MarkdownExporterTests
{
    private static readonly string GoldenFolder = RepositoryFolder.Combine("tests", "KnowledgeBase.Core.Tests", "Export", "Golden", "markdown");

    [Theory]
    [InlineData("index.md")]
    [InlineData("topic-t-licence.md")]
    [InlineData("topic-t-payout.md")]
    public void Payments_page_matches_golden(string page)
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Markdown), folder.Path);

        Assert.Equal(File.ReadAllText(Path.Combine(GoldenFolder, page)), folder.Read(page));
    }

    [Fact]
    public void Payments_writes_exactly_the_golden_pages()
    {
        using var folder = new ExportFolder();

        var written = new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Markdown), folder.Path).Files;

        var golden = Directory.GetFiles(GoldenFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(golden, folder.Files());
        Assert.Equal(golden, written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Source_url_template_fills_every_link()
    {
        using var folder = new ExportFolder();
        var options = new ExportOptions(ExportFormat.Markdown) { SourceUrlTemplate = "https://wiki.example.com/chat/{group}/{date}/{path}#L{line}" };

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), options, folder.Path);

        var page = folder.Read("topic-t-licence.md");
        Assert.Contains(
            "[proddev/2018-03-05-chat.markdown:12](https://wiki.example.com/chat/proddev/2018-03-05/proddev/2018-03-05-chat.markdown#L12)",
            page);
        Assert.DoesNotContain("](proddev/", page);
    }

    [Fact]
    public void A_source_path_with_markdown_characters_is_escaped_in_the_link_text()
    {
        using var folder = new ExportFolder();
        var document = SampleDocuments.Payments();
        var source = new KnowledgeBase.Core.Domain.SourceRef("[测试]群/2024-03-05-chat.markdown", 3);
        document = document with { Entries = [document.Entries[0] with { Sources = [source] }, .. document.Entries.Skip(1)] };

        new KnowledgeBaseExporter().Export(document, new ExportOptions(ExportFormat.Markdown), folder.Path);

        Assert.Contains("- 来源：[\\[测试\\]群/2024-03-05-chat.markdown:3](", folder.Read("topic-t-licence.md"));
    }

    [Fact]
    public void An_entry_nobody_answered_says_so()
    {
        using var folder = new ExportFolder();
        var document = SampleDocuments.Payments();
        document = document with { Entries = [document.Entries[0] with { Answer = " " }, .. document.Entries.Skip(1)] };

        new KnowledgeBaseExporter().Export(document, new ExportOptions(ExportFormat.Markdown), folder.Path);

        Assert.Contains("## 办理支付牌照需要多少注册资本？\n\n*群里暂无回答。*\n\n", folder.Read("topic-t-licence.md"));
        Assert.DoesNotContain("暂无回答", folder.Read("topic-t-payout.md"));
    }

    [Fact]
    public void Entries_without_a_known_topic_go_to_an_uncategorized_page()
    {
        using var folder = new ExportFolder();
        var document = SampleDocuments.Payments() with { Topics = [] };

        new KnowledgeBaseExporter().Export(document, new ExportOptions(ExportFormat.Markdown), folder.Path);

        Assert.Equal(["index.md", "topic-uncategorized.md"], folder.Files());
        Assert.Contains("title: \"未分类\"", folder.Read("topic-uncategorized.md"));
    }

    [Fact]
    public void The_index_lists_topics_by_the_entries_it_counts_largest_first_and_uncategorized_last()
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.ThreeTopicSizes(), new ExportOptions(ExportFormat.Markdown), folder.Path);

        var index = folder.Read("index.md");
        var payout = index.IndexOf("## [代付与对账](topic-t-payout.md)", StringComparison.Ordinal);
        var licence = index.IndexOf("## [支付牌照](topic-t-licence.md)", StringComparison.Ordinal);
        var uncategorized = index.IndexOf("## [未分类](topic-uncategorized.md)", StringComparison.Ordinal);
        Assert.True(payout >= 0 && payout < licence && licence < uncategorized, index);
    }
}
