namespace KnowledgeBase.Cli.Infrastructure;

/// <summary>Tab-separated output for scripts: one record a line, its fields between tabs.</summary>
internal static class Tsv
{
    /// <summary>
    /// A field as it can stand in a line of tab-separated values: each tab and line break in it (an analyst's edit, a
    /// pasted table, a folder name) becomes a space, so every line keeps its number of fields.
    /// </summary>
    /// <param name="text">The field's text, or <see langword="null"/> for an empty field.</param>
    /// <returns>The text on one line, without tabs.</returns>
    public static string Field(string? text) => text is null ? string.Empty : text.ReplaceLineEndings(" ").Replace('\t', ' ');
}
