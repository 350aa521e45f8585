namespace KnowledgeBase.Core.Export;

/// <summary>The forms a knowledge base leaves the tool in.</summary>
public enum ExportFormat
{
    /// <summary>One Markdown page per topic with front matter, and an index page (MkDocs, Docusaurus, Confluence).</summary>
    Markdown,

    /// <summary>faq.json, as <see cref="FaqJsonWriter"/> writes it.</summary>
    Json,

    /// <summary>A static site: index, topic and entry pages and a client-side search, no server needed.</summary>
    Html,
}
