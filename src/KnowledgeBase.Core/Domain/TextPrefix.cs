namespace KnowledgeBase.Core.Domain;

/// <summary>Cuts text to a length without splitting a surrogate pair (an emoji) in half.</summary>
public static class TextPrefix
{
    /// <summary>How many characters of <paramref name="text"/> to keep: at most <paramref name="maxLength"/>, one fewer when that would end on half a pair.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The most characters kept.</param>
    /// <returns>The length to cut at.</returns>
    public static int Length(ReadOnlySpan<char> text, int maxLength)
    {
        var take = Math.Min(Math.Max(maxLength, 0), text.Length);
        return take > 0 && take < text.Length && char.IsHighSurrogate(text[take - 1]) ? take - 1 : take;
    }

    /// <summary>The text cut to at most <paramref name="maxLength"/> characters, never half a surrogate pair.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The most characters kept.</param>
    /// <returns>The text itself when it is short enough, else its prefix.</returns>
    public static string Of(string text, int maxLength) => text.Length <= maxLength ? text : text[..Length(text, maxLength)];
}
