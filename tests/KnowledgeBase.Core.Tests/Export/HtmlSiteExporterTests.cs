using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

public sealed partial class HtmlSiteExporterTests
{
    private static readonly HashSet<string> AllowedTags =
    [
        "html", "head", "meta", "title", "link", "body", "header", "main", "nav", "article", "section", "a", "input",
        "ol", "ul", "li", "h1", "h2", "h3", "p", "span", "div", "dl", "dt", "dd", "br", "script",
    ];

    private static readonly string GoldenFolder = RepositoryFolder.Combine("tests", "KnowledgeBase.Core.Tests", "Export", "Golden", "html");

    [Theory]
    [InlineData("index.html")]
    [InlineData("topic-t-payout.html")]
    [InlineData("entry-e-7d793037.html")]
    [InlineData("search-index.json")]
    public void Payments_page_matches_golden(string page)
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), folder.Path);

        Assert.Equal(File.ReadAllText(Path.Combine(GoldenFolder, page)), folder.Read(page));
    }

    [Fact]
    public void Site_has_index_topic_and_entry_pages_and_a_search_index()
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), folder.Path);

        Assert.Equal(
            [
                "entry-e-5d41402a.html", "entry-e-7d793037.html", "index.html", "search-index.js", "search-index.json",
                "search.js", "style.css", "topic-t-licence.html", "topic-t-payout.html",
            ],
            folder.Files());
        Assert.Contains("<a href=\"topic-t-payout.html\">代付与对账</a>", folder.Read("index.html"));
        Assert.Contains("<a href=\"entry-e-5d41402a.html\">办理支付牌照需要多少注册资本？</a>", folder.Read("topic-t-licence.html"));
        using var index = JsonDocument.Parse(folder.Read("search-index.json"));
        Assert.Equal(2, index.RootElement.GetArrayLength());
        Assert.Equal("entry-e-5d41402a.html", index.RootElement[0].GetProperty("url").GetString());
        Assert.StartsWith("window.KB_SEARCH_INDEX = [", folder.Read("search-index.js"), StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_page_shows_the_source_conversation_with_links()
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), folder.Path);

        var page = folder.Read("entry-e-5d41402a.html");
        Assert.Contains("<h2>原始对话</h2>", page);
        Assert.Contains(
            "<a class=\"time\" href=\"proddev/2018-03-05-chat.markdown#L15\">2018-03-05 09:16:40</a> <span class=\"speaker\">李四｜网联｜架构</span> <span class=\"role\">回答</span>",
            page);
        Assert.Contains("<div class=\"text\">@张三-某银行-产品-上海 全国性的一个亿实缴，看央行2号令</div>", page);
        Assert.Contains("<div class=\"text\">请问办理支付牌照需要多少注册资本？急，电话[手机号]</div>", page);
    }

    [Fact]
    public void Chat_text_is_escaped_and_only_known_tags_and_scripts_appear()
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), folder.Path);

        foreach (var name in folder.Files().Where(f => f.EndsWith(".html", StringComparison.Ordinal)))
        {
            var page = folder.Read(name);
            Assert.DoesNotContain("<script>", page);
            Assert.DoesNotContain("<img", page);
            Assert.DoesNotContain("<b>", page);
            foreach (Match tag in TagPattern().Matches(page))
            {
                Assert.Contains(tag.Groups[1].Value.ToLowerInvariant(), AllowedTags);
                Assert.DoesNotMatch(EventHandlerPattern(), tag.Value);
            }

            Assert.Equal(
                ["<script src=\"search-index.js\"></script>", "<script src=\"search.js\"></script>"],
                ScriptPattern().Matches(page).Select(m => m.Value));
        }

        var entry = folder.Read("entry-e-7d793037.html");
        Assert.Contains("代付失败怎么查？&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", entry);
        Assert.Contains("先看对账单的失败码 &lt;img src=x onerror=alert(1)&gt;", entry);
        Assert.Contains("<span class=\"speaker\">&lt;b&gt;坏人&lt;/b&gt;</span>", entry);
        Assert.DoesNotContain("<", folder.Read("search-index.js").Replace("\\u003C", "", StringComparison.Ordinal)[1..]);
    }

    [Fact]
    public void Source_url_template_is_used_and_attribute_escaped()
    {
        using var folder = new ExportFolder();
        var options = new ExportOptions(ExportFormat.Html) { SourceUrlTemplate = "https://git.example.com/chat/blob/main/{path}?group={group}&date={date}#L{line}" };

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), options, folder.Path);

        Assert.Contains(
            "href=\"https://git.example.com/chat/blob/main/devarch/2018-04-12-chat.markdown?group=devarch&amp;date=2018-04-12#L34\"",
            folder.Read("entry-e-7d793037.html"));
    }

    [Fact]
    public void The_conversation_shows_a_nick_without_the_question_marks_the_export_left_for_lost_emoji()
    {
        using var folder = new ExportFolder();
        var document = SampleDocuments.Payments();
        var lost = new Speaker("??李四?｜网联｜架构", "李四", "网联", "架构");
        document = document with
        {
            Exchanges = [.. document.Exchanges.Select(x => x with { Messages = [.. x.Messages.Select(m => m.Message.Speaker == SampleDocuments.Li ? m with { Message = m.Message with { Speaker = lost } } : m)] })],
        };

        new KnowledgeBaseExporter().Export(document, new ExportOptions(ExportFormat.Html), folder.Path);

        var page = folder.Read("entry-e-5d41402a.html");
        Assert.Contains("<span class=\"speaker\">李四｜网联｜架构</span>", page);
        Assert.DoesNotContain("?", page.Split("<h2>原始对话</h2>")[1].Split("<div class=\"text\">")[0]);
    }

    [Fact]
    public void An_entry_nobody_answered_says_so_on_its_page_and_in_its_topic()
    {
        using var folder = new ExportFolder();
        var document = SampleDocuments.Payments();
        document = document with { Entries = [document.Entries[0] with { Answer = string.Empty }, .. document.Entries.Skip(1)] };

        new KnowledgeBaseExporter().Export(document, new ExportOptions(ExportFormat.Html), folder.Path);

        Assert.Contains("<div class=\"entry-answer none\">群里暂无回答。</div>", folder.Read("entry-e-5d41402a.html"));
        Assert.Contains("<p class=\"excerpt\">群里暂无回答。</p>", folder.Read("topic-t-licence.html"));
        Assert.DoesNotContain("暂无回答", folder.Read("entry-e-7d793037.html"));
    }

    [Fact]
    public void A_topic_page_excerpt_never_cuts_an_emoji_in_half()
    {
        using var folder = new ExportFolder();
        var document = SampleDocuments.Payments();
        var answer = new string('款', 119) + "\uD83D\uDE00之后";
        document = document with { Entries = [document.Entries[0] with { Answer = answer }, .. document.Entries.Skip(1)] };

        new KnowledgeBaseExporter().Export(document, new ExportOptions(ExportFormat.Html), folder.Path);

        Assert.Contains($"<p class=\"excerpt\">{new string('款', 119)}…</p>", folder.Read("topic-t-licence.html"));
        Assert.DoesNotContain("\uFFFD", folder.Read("topic-t-licence.html"));
    }

    [Fact]
    public void A_topic_page_excerpt_shows_a_shared_card_by_its_title_not_its_markdown()
    {
        using var folder = new ExportFolder();
        var document = SampleDocuments.Payments();
        var answer = "隔壁老王：扫码真心没有闪付快捷，[重磅！人行下发规范支付创新业务通知](http://mp.weixin.qq.com/s?__biz=MzI3&mid=26)\n见 https://example.com/a";
        document = document with { Entries = [document.Entries[0] with { Answer = answer }, .. document.Entries.Skip(1)] };

        new KnowledgeBaseExporter().Export(document, new ExportOptions(ExportFormat.Html), folder.Path);

        Assert.Contains("<p class=\"excerpt\">隔壁老王：扫码真心没有闪付快捷，重磅！人行下发规范支付创新业务通知 见 https://example.com/a</p>", folder.Read("topic-t-licence.html"));
    }

    [GeneratedRegex("<([A-Za-z][A-Za-z0-9]*)[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerPattern();

    [GeneratedRegex("<script[^>]*>[^<]*</script>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();

    [Fact]
    public void The_index_lists_topics_by_the_entries_it_counts_largest_first_and_uncategorized_last()
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.ThreeTopicSizes(), new ExportOptions(ExportFormat.Html), folder.Path);

        var index = folder.Read("index.html");
        var payout = index.IndexOf("<a href=\"topic-t-payout.html\">代付与对账</a> <span class=\"count\">2 个问题</span>", StringComparison.Ordinal);
        var licence = index.IndexOf("<a href=\"topic-t-licence.html\">支付牌照</a> <span class=\"count\">1 个问题</span>", StringComparison.Ordinal);
        var uncategorized = index.IndexOf("<a href=\"topic-uncategorized.html\">", StringComparison.Ordinal);
        Assert.True(payout >= 0 && payout < licence && licence < uncategorized, index);
    }

    [Fact]
    public void The_search_index_lists_the_entries_in_the_order_of_the_pages_which_the_search_keeps_for_ties()
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.ThreeTopicSizes(), new ExportOptions(ExportFormat.Html), folder.Path);

        using var index = JsonDocument.Parse(folder.Read("search-index.json"));
        Assert.Equal(
            ["entry-e-7d793037.html", "entry-e-8c9d0e1f.html", "entry-e-5d41402a.html", "entry-e-0f0f0f0f.html"],
            index.RootElement.EnumerateArray().Select(item => item.GetProperty("url").GetString()));
    }
}
