using System.Text.Json;

namespace KnowledgeBase.Core.Export;

/// <summary>System.Text.Json's parse errors, said for people.</summary>
public static class JsonErrors
{
    /// <summary>
    /// The error in its own words, without the position and JSON path System.Text.Json appends to its message (counted
    /// from 0, where people count lines from 1: <see cref="JsonException.LineNumber"/> gives it for the caller to say).
    /// </summary>
    /// <param name="error">A parse error.</param>
    /// <returns>The reason, e.g. <c>'}' is an invalid start of a value.</c></returns>
    public static string Reason(JsonException error) => error.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
}
