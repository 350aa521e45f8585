namespace KnowledgeBase.Core.Domain;

/// <summary>
/// The one definition of a chat-log file's group, used by reading, <c>kb stats</c>, the review store and the exports'
/// <c>{group}</c>: the first folder of the file's path under the input root (<c>proddev</c> for
/// <c>proddev/2018-03-05-chat.markdown</c> and for <c>proddev/2018/03/2018-03-05-chat.markdown</c>), or empty for a file
/// at the root. Folders below the group's folder only sort its files.
/// </summary>
public static class ChatGroup
{
    /// <summary>The group of a file.</summary>
    /// <param name="path">Path relative to the input root, <c>/</c>-separated.</param>
    /// <returns>The group, or empty at the root.</returns>
    public static string Of(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? path[..slash] : string.Empty;
    }
}
