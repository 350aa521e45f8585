using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Cli.Infrastructure;

/// <summary>Reads the faq.json a verb was given, reporting a file that cannot be read as one problem line.</summary>
internal static class FaqJsonInput
{
    /// <summary>Reads <paramref name="path"/>; on failure writes <c>path: not a readable faq.json: why</c> to stderr.</summary>
    /// <param name="path">The faq.json file.</param>
    /// <param name="document">The document, when it could be read.</param>
    /// <returns>Whether it could be read.</returns>
    public static bool TryRead(string path, [NotNullWhen(true)] out KnowledgeBaseDocument? document)
    {
        try
        {
            document = new FaqJsonReader().ReadFile(path);
            return true;
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            Terminal.Problem(Problem(path, error));
            document = null;
            return false;
        }
    }

    /// <summary>
    /// <c>path:line: not a readable faq.json: why</c> for JSON that does not parse (System.Text.Json counts lines from
    /// 0 and appends its position to the message; people count from 1), <c>path: not a readable faq.json: why</c>
    /// otherwise.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="error">Why it cannot be read.</param>
    /// <returns>The problem line.</returns>
    public static string Problem(string path, Exception error)
    {
        if (error is JsonException { LineNumber: { } line } json)
        {
            return $"{path}:{(line + 1).ToString(CultureInfo.InvariantCulture)}: not a readable faq.json: {JsonErrors.Reason(json)}";
        }

        return $"{path}: not a readable faq.json: {error.Message}";
    }
}
