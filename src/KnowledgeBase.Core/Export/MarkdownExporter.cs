using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// Writes a knowledge base as Markdown for wikis: <c>index.md</c> listing the topics and their questions, and one
/// <c>topic-&lt;id&gt;.md</c> per topic with YAML front matter (title, keywords, updated) that MkDocs, Docusaurus and
/// Confluence importers read; each entry has its question, answer, experts and links to its sources. All chat text is
/// escaped, so nothing in a message becomes markup.
/// </summary>
public sealed class MarkdownExporter(SourceLinkBuilder links)
{
    /// <summary>Writes the pages into a folder, creating it.</summary>
    /// <param name="document">The knowledge base, already masked.</param>
    /// <param name="outputDirectory">Target folder.</param>
    /// <returns>The files written, relative to the folder.</returns>
    public IReadOnlyList<string> Export(KnowledgeBaseDocument document, string outputDirectory)
    {
        var view = new ExportView(document);
        var pages = new List<(string Name, string Text)> { ("index.md", Index(view)) };
        pages.AddRange(view.Topics.Select(t => (t.Stem + ".md", TopicPage(view, t))));
        return PageWriter.WriteAll(outputDirectory, pages);
    }

    /// <summary>The index page.</summary>
    internal static string Index(ExportView view)
    {
        var md = new StringBuilder();
        FrontMatter(md, "常见问题", [], view.Updated);
        md.Append("# 常见问题\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{view.Topics.Count} 个主题，{view.Topics.Sum(t => t.Entries.Count)} 个问题。\n\n");
        foreach (var topic in view.Topics)
        {
            md.Append(CultureInfo.InvariantCulture, $"## [{MarkdownText.Inline(topic.Topic.Label)}]({topic.Stem}.md)\n\n");
            if (topic.Topic.Keywords.Count > 0)
            {
                md.Append("关键词：").AppendJoin(" · ", topic.Topic.Keywords.Select(MarkdownText.Inline)).Append("\n\n");
            }

            foreach (var entry in topic.Entries)
            {
                md.Append(CultureInfo.InvariantCulture, $"- [{MarkdownText.Inline(entry.Question)}]({topic.Stem}.md#{ExportView.EntryStem(entry)})\n");
            }

            md.Append('\n');
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>One topic's page.</summary>
    internal string TopicPage(ExportView view, TopicPage topic)
    {
        var md = new StringBuilder();
        FrontMatter(md, topic.Topic.Label, topic.Topic.Keywords, topic.Updated);
        md.Append("# ").Append(MarkdownText.Inline(topic.Topic.Label)).Append("\n\n");
        if (topic.Topic.Keywords.Count > 0)
        {
            md.Append("关键词：").AppendJoin(" · ", topic.Topic.Keywords.Select(MarkdownText.Inline)).Append("\n\n");
        }

        md.Append("[返回目录](index.md)\n");
        foreach (var entry in topic.Entries)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n<a id=\"{ExportView.EntryStem(entry)}\"></a>\n\n");
            md.Append("## ").Append(MarkdownText.InlineLinked(entry.Question)).Append("\n\n");
            md.Append(entry.Unanswered ? $"*{ExportView.NoAnswer}*" : MarkdownText.Paragraphs(entry.Answer)).Append("\n\n");
            if (entry.Experts.Count > 0)
            {
                md.Append("- 专家：").AppendJoin("、", entry.Experts.Select(Expert)).Append('\n');
            }

            if (entry.Sources.Count > 0)
            {
                md.Append("- 来源：").AppendJoin("、", entry.Sources.Select(s => $"[{MarkdownText.Inline(s.ToString())}]({links.Link(s)})")).Append('\n');
            }

            md.Append(CultureInfo.InvariantCulture, $"- 状态：{MarkdownText.Inline(ExportView.StatusLabel(entry.Status))} · 置信度 {entry.Confidence:0.00} · 更新 {view.UpdatedOf(entry):yyyy-MM-dd}\n");
        }

        return md.ToString();
    }

    private static string Expert(Expert expert)
    {
        var about = new[] { expert.Company, expert.Role }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => MarkdownText.Inline(s!)).ToList();
        var answers = expert.Answers.ToString(CultureInfo.InvariantCulture) + " 次回答";
        return MarkdownText.Inline(expert.Name) + "（" + string.Join(" · ", about.Append(answers)) + "）";
    }

    private static void FrontMatter(StringBuilder md, string title, IReadOnlyList<string> keywords, DateOnly updated)
    {
        md.Append("---\n");
        md.Append("title: ").Append(MarkdownText.YamlString(title)).Append('\n');
        if (keywords.Count > 0)
        {
            md.Append("keywords:\n");
            foreach (var keyword in keywords)
            {
                md.Append("  - ").Append(MarkdownText.YamlString(keyword)).Append('\n');
            }
        }

        md.Append(CultureInfo.InvariantCulture, $"updated: {updated:yyyy-MM-dd}\n");
        md.Append("---\n\n");
    }
}
