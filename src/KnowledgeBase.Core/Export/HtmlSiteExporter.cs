using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Writes a knowledge base as a static site that opens from disk: <c>index.html</c>, one <c>topic-&lt;id&gt;.html</c>
/// per topic, one <c>entry-&lt;id&gt;.html</c> per entry with its source conversation, and a search box that filters a
/// generated index (<c>search-index.json</c>, and the same data as <c>search-index.js</c> because browsers do not let
/// pages fetch files from disk). Every piece of chat text is HTML-escaped; the search script only sets text content.
/// </summary>
public sealed class HtmlSiteExporter(SourceLinkBuilder links)
{
    private static readonly JsonSerializerOptions IndexJson = new()
    {
        // Keeps CJK readable while still escaping < > & ' so the data cannot close a script element.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Writes the site into a folder, creating it.</summary>
    /// <param name="document">The knowledge base, already masked.</param>
    /// <param name="outputDirectory">Target folder.</param>
    /// <returns>The files written, relative to the folder.</returns>
    public IReadOnlyList<string> Export(KnowledgeBaseDocument document, string outputDirectory)
    {
        var view = new ExportView(document);
        var index = SearchIndex(view);
        var pages = new List<(string Name, string Text)>
        {
            ("index.html", IndexPage(view)),
            ("style.css", HtmlSiteAssets.Style),
            ("search.js", HtmlSiteAssets.SearchScript),
            ("search-index.json", index + "\n"),
            ("search-index.js", "window.KB_SEARCH_INDEX = " + index + ";\n"),
        };
        foreach (var topic in view.Topics)
        {
            pages.Add((topic.Stem + ".html", TopicPage(topic)));
            pages.AddRange(topic.Entries.Select(e => (ExportView.EntryStem(e) + ".html", EntryPage(view, topic, e))));
        }

        return PageWriter.WriteAll(outputDirectory, pages);
    }

    internal static string IndexPage(ExportView view)
    {
        var body = new StringBuilder();
        body.Append("<h1>常见问题</h1>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{view.Topics.Count} 个主题，{view.Topics.Sum(t => t.Entries.Count)} 个问题，更新于 {view.Updated:yyyy-MM-dd}</p>\n");
        body.Append("<ul class=\"topics\">\n");
        foreach (var topic in view.Topics)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{topic.Stem}.html\">{HtmlText.Escape(topic.Topic.Label)}</a> <span class=\"count\">{topic.Entries.Count} 个问题</span>");
            Keywords(body, topic.Topic.Keywords);
            body.Append("</li>\n");
        }

        body.Append("</ul>\n");
        return Page("常见问题", body.ToString());
    }

    internal static string TopicPage(TopicPage topic)
    {
        var body = new StringBuilder();
        body.Append("<nav><a href=\"index.html\">目录</a></nav>\n");
        body.Append("<h1>").Append(HtmlText.Escape(topic.Topic.Label)).Append("</h1>\n");
        Keywords(body, topic.Topic.Keywords);
        body.Append("\n<ol class=\"entries\">\n");
        foreach (var entry in topic.Entries)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{ExportView.EntryStem(entry)}.html\">{HtmlText.Escape(entry.Question)}</a>");
            body.Append("<p class=\"excerpt\">").Append(HtmlText.Escape(entry.Unanswered ? ExportView.NoAnswer : Excerpt(entry.Answer))).Append("</p></li>\n");
        }

        body.Append("</ol>\n");
        return Page(topic.Topic.Label, body.ToString());
    }

    internal string EntryPage(ExportView view, TopicPage topic, FaqEntry entry)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<nav><a href=\"index.html\">目录</a> › <a href=\"{topic.Stem}.html\">{HtmlText.Escape(topic.Topic.Label)}</a></nav>\n");
        body.Append("<article class=\"entry\">\n<h1>").Append(HtmlText.Lines(entry.Question)).Append("</h1>\n");
        body.Append(entry.Unanswered
            ? $"<div class=\"entry-answer none\">{ExportView.NoAnswer}</div>\n"
            : $"<div class=\"entry-answer\">{HtmlText.LinkedLines(entry.Answer)}</div>\n");
        body.Append("<dl class=\"facts\">\n");
        if (entry.Experts.Count > 0)
        {
            body.Append("<dt>专家</dt><dd>").AppendJoin("、", entry.Experts.Select(Expert)).Append("</dd>\n");
        }

        if (entry.Sources.Count > 0)
        {
            body.Append("<dt>来源</dt><dd>").AppendJoin("、", entry.Sources.Select(SourceLink)).Append("</dd>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"<dt>状态</dt><dd>{HtmlText.Escape(ExportView.StatusLabel(entry.Status))} · 置信度 {entry.Confidence:0.00} · 更新 {view.UpdatedOf(entry):yyyy-MM-dd}</dd>\n");
        body.Append("</dl>\n</article>\n");

        body.Append("<h2>原始对话</h2>\n");
        foreach (var exchange in view.ExchangesOf(entry))
        {
            body.Append("<section class=\"exchange\">\n<h3>").Append(HtmlText.Escape(exchange.Path)).Append("</h3>\n<ol class=\"messages\">\n");
            foreach (var cited in exchange.Messages)
            {
                var message = cited.Message;
                var role = RoleLabel(cited.Role);
                body.Append(CultureInfo.InvariantCulture, $"<li class=\"{FaqJsonWriter.RoleName(cited.Role)}\"><div class=\"who\">");
                body.Append(CultureInfo.InvariantCulture, $"<a class=\"time\" href=\"{HtmlText.Escape(links.Link(message.Source))}\">{message.Time:yyyy-MM-dd HH:mm:ss}</a> ");
                body.Append(CultureInfo.InvariantCulture, $"<span class=\"speaker\">{HtmlText.Escape(SpeakerParser.Shown(message.Speaker.Raw))}</span> <span class=\"role\">{role}</span></div>");
                body.Append("<div class=\"text\">").Append(HtmlText.LinkedLines(message.Body)).Append("</div></li>\n");
            }

            body.Append("</ol>\n</section>\n");
        }

        return Page(entry.Question, body.ToString());
    }

    private static string SearchIndex(ExportView view)
    {
        var items = view.Topics.SelectMany(t => t.Entries.Select(e => new Dictionary<string, string>
        {
            ["url"] = ExportView.EntryStem(e) + ".html",
            ["question"] = e.Question,
            ["answer"] = e.Answer,
            ["topic"] = t.Topic.Label,
            ["keywords"] = string.Join(' ', e.Keywords.Concat(t.Topic.Keywords).Distinct(StringComparer.Ordinal)),
        }));
        return JsonSerializer.Serialize(items, IndexJson);
    }

    private string SourceLink(SourceRef source) =>
        $"<a href=\"{HtmlText.Escape(links.Link(source))}\">{HtmlText.Escape(source.ToString())}</a>";

    private static string Expert(Expert expert)
    {
        var about = new[] { expert.Company, expert.Role }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => HtmlText.Escape(s!));
        var answers = expert.Answers.ToString(CultureInfo.InvariantCulture) + " 次回答";
        return HtmlText.Escape(expert.Name) + "（" + string.Join(" · ", about.Append(answers)) + "）";
    }

    private static void Keywords(StringBuilder body, IReadOnlyList<string> keywords)
    {
        if (keywords.Count > 0)
        {
            body.Append("<p class=\"keywords\">").AppendJoin(" ", keywords.Select(k => $"<span>{HtmlText.Escape(k)}</span>")).Append("</p>");
        }
    }

    private static string RoleLabel(MessageRole role) => role switch
    {
        MessageRole.Question => "提问",
        MessageRole.Answer => "回答",
        _ => "上下文",
    };

    // Plain text: a shared card's [title](url) or an image's ![time](url) shows as its label, as on the entry page.
    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => string.Concat(ChatLinks.Split(line).Select(part => part.Text))));
        return flat.Length <= 120 ? flat : TextPrefix.Of(flat, 120) + "…";
    }

    private static string Page(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{HtmlText.Escape(title.ReplaceLineEndings(" "))}</title>
        <link rel="stylesheet" href="style.css">
        </head>
        <body>
        <header><a class="home" href="index.html">常见问题</a><input id="search" type="search" placeholder="搜索问题、回答、关键词" autocomplete="off" aria-label="搜索"></header>
        <ol id="results" hidden></ol>
        <main>
        {body}</main>
        <script src="search-index.js"></script>
        <script src="search.js"></script>
        </body>
        </html>

        """;
}
