using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Finds the <c>*.markdown</c> and <c>*.md</c> files under an input root, recursively. Symbolic links to folders
/// are followed once: a link that leads back to a folder already searched (a loop, or a second way into the same
/// folder) is reported and skipped. Hidden folders (<c>.git</c>, …) are not searched, nor are the folders the caller
/// leaves out (a build's own output folder inside the input, where exported Markdown pages would pass for chat logs),
/// nor a folder below the root that holds a <c>kb export</c> (its record, <see cref="ExportRecord.FileName"/>): its
/// pages are not chat logs either.
/// </summary>
public static class ChatLogFinder
{
    // Linux gives up after 40 links in one path (ELOOP); so does this.
    private const int MaxLinkHops = 40;

    /// <summary>Lists the chat-log files under <paramref name="inputRoot"/>.</summary>
    /// <param name="inputRoot">The folder to search.</param>
    /// <param name="leaveOut">
    /// Folders not to search, wherever they are reached from (through a symbolic link too); one that does not exist or
    /// lies outside the input root changes nothing.
    /// </param>
    /// <returns>The files in ordinal order of relative path, what could not be searched, and what was left out (as asked, or holding an export).</returns>
    public static ChatLogFinderResult Find(string inputRoot, IReadOnlyCollection<string>? leaveOut = null)
    {
        var files = new List<ChatLogFile>();
        var problems = new List<InputProblem>();
        var root = Path.GetFullPath(inputRoot);
        if (!Directory.Exists(root))
        {
            problems.Add(new InputProblem(inputRoot, 0, "input folder does not exist"));
            return new ChatLogFinderResult(files, problems);
        }

        var realRoot = RealPath(root) ?? root;
        var search = new FinderSearch(
            new HashSet<string>(StringComparer.Ordinal) { realRoot },
            (leaveOut ?? []).Select(RealPath).OfType<string>().ToHashSet(StringComparer.Ordinal),
            [],
            []);
        Search(new DirectoryInfo(root), string.Empty, realRoot, search, files, problems);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        problems.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        search.LeftOut.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new ChatLogFinderResult(files.AsReadOnly(), problems.AsReadOnly())
        {
            LeftOut = search.LeftOut.AsReadOnly(),
            UnfollowedChatLogs = search.Unfollowed.Count,
        };
    }

    /// <summary>True for the extensions chat logs are saved with.</summary>
    /// <param name="fileName">A file name or path.</param>
    /// <returns>True for <c>.markdown</c> and <c>.md</c>, in any letter case.</returns>
    public static bool IsChatLog(string fileName) =>
        fileName.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static void Search(
        DirectoryInfo folder,
        string relative,
        string realFolder,
        FinderSearch search,
        List<ChatLogFile> files,
        List<InputProblem> problems)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(relative.Length == 0 ? "." : relative, 0, $"cannot list folder: {e.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            if (entry is DirectoryInfo child)
            {
                if (child.Name.StartsWith('.'))
                {
                    continue;
                }

                var realChild = child.LinkTarget is null ? Path.Join(realFolder, child.Name) : RealPath(child.FullName);
                if (realChild is null)
                {
                    problems.Add(new InputProblem(path, 0, "broken or looping symbolic link: not followed"));
                }
                else if (search.LeaveOut.Contains(realChild))
                {
                    search.LeftOut.Add(new LeftOutFolder(path, CountChatLogs(child, path, realChild, search)));
                }
                else if (File.Exists(Path.Join(realChild, ExportRecord.FileName)))
                {
                    search.LeftOut.Add(new LeftOutFolder(path, CountChatLogs(child, path, realChild, search)) { IsExport = true });
                }
                else if (!search.Searched.Add(realChild))
                {
                    problems.Add(new InputProblem(path, 0, $"symbolic link to a folder already searched ({realChild}): not followed"));
                }
                else
                {
                    Search(child, path, realChild, search, files, problems);
                }

                continue;
            }

            // A broken link could have been a folder of chat logs as well as a file: report it whatever its name.
            if (entry.LinkTarget is not null && LinkFault(entry) is { } fault)
            {
                problems.Add(new InputProblem(path, 0, $"{fault}: not followed"));
                // Named like a chat log, it was meant to be read: a skipped file, as an unreadable one is.
                if (IsChatLog(entry.Name))
                {
                    search.Unfollowed.Add(path);
                }

                continue;
            }

            if (IsChatLog(entry.Name))
            {
                files.Add(new ChatLogFile(path, entry.FullName));
            }
        }
    }

    /// <summary>
    /// The chat-log files a left-out folder holds, found by the same rules as the search (links followed once, hidden
    /// folders skipped); its problems are not the input's and are dropped.
    /// </summary>
    private static int CountChatLogs(DirectoryInfo folder, string relative, string realFolder, FinderSearch search)
    {
        var files = new List<ChatLogFile>();
        var searched = new HashSet<string>(search.Searched, StringComparer.Ordinal) { realFolder };
        var inner = new FinderSearch(searched, [], [], []);
        Search(folder, relative, realFolder, inner, files, []);
        // An export inside it (kb export --out <output>/wiki) holds files of it too.
        return files.Count + inner.LeftOut.Sum(left => left.ChatLogFiles);
    }

    // What keeps a link from leading to a file: null when it does.
    private static string? LinkFault(FileSystemInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } ? null : "broken symbolic link";
        }
        catch (IOException)
        {
            // A loop of file links: the system gives up, and so do we.
            return "symbolic link loop (links that lead back to each other)";
        }
    }

    /// <summary>
    /// The path with every symbolic link resolved (like POSIX <c>realpath</c>), or null for a broken link or a
    /// loop; used to tell when a link leads back into a folder already searched.
    /// </summary>
    internal static string? RealPath(string path)
    {
        var pending = new Stack<string>();
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full) ?? string.Empty;
        PushParts(pending, full[current.Length..]);
        var hops = 0;
        while (pending.Count > 0)
        {
            var next = Path.Join(current, pending.Pop());
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists && !File.Exists(next))
            {
                return null;
            }

            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            // Resolve the target against the link's folder, then walk its parts again.
            var resolved = Path.GetFullPath(target, current);
            current = Path.GetPathRoot(resolved) ?? string.Empty;
            PushParts(pending, resolved[current.Length..]);
        }

        return Path.TrimEndingDirectorySeparator(current);
    }

    /// <param name="Searched">Real paths of the folders searched so far.</param>
    /// <param name="LeaveOut">Real paths of the folders not to search.</param>
    /// <param name="LeftOut">The left-out folders met so far.</param>
    /// <param name="Unfollowed">Entries named like chat logs that are broken links or link loops, met so far.</param>
    private sealed record FinderSearch(HashSet<string> Searched, HashSet<string> LeaveOut, List<LeftOutFolder> LeftOut, List<string> Unfollowed);

    private static void PushParts(Stack<string> pending, string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
