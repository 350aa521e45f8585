using System.Diagnostics.CodeAnalysis;
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
        catch (Exception error) when (error is JsonException or InvalidDataException or IOException)
        {
            Terminal.Problem($"{path}: not a readable faq.json: {error.Message}");
            document = null;
            return false;
        }
    }
}
