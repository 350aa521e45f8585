using System.Globalization;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// Finds files that hold the same group and day, which the input should have once (a chat log exported twice, a copy
/// saved as <c>2024-03-05-chat (1).markdown</c>). Of files with the same content, one is read (one an earlier build read,
/// then the first whose name starts with the day, then the shortest path, then the first in ordinal order) and the others
/// are skipped, each reported; files with different content are all
/// read, and each is reported, since messages they share give repeated exchanges. Undated files are never compared.
/// </summary>
public static class SameDayFiles
{
    /// <summary>Checks the files that were read.</summary>
    /// <param name="files">Every file read, in any order.</param>
    /// <param name="readBefore">Paths an earlier build of the same output read, kept over their copies; none when null.</param>
    /// <returns>The paths to skip and one problem (on line 1) for each file of a group and day held by more than one file.</returns>
    public static SameDayCheck Check(IReadOnlyList<SameDayFile> files, IReadOnlySet<string>? readBefore = null)
    {
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<InputProblem>();
        var days = files.Where(f => f.Date != DateOnly.MinValue).GroupBy(f => (Group: ChatGroup.Of(f.Path), f.Date));
        foreach (var day in days)
        {
            if (day.Count() < 2)
            {
                continue;
            }

            var date = day.Key.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // The file an earlier build read stays the one read: the store's entries name its lines.
            var ordered = day
                .OrderBy(f => readBefore?.Contains(f.Path) == true ? 0 : 1)
                .ThenBy(f => f.Path[(f.Path.LastIndexOf('/') + 1)..].StartsWith(date, StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(f => f.Path.Length)
                .ThenBy(f => f.Path, StringComparer.Ordinal)
                .ToList();
            var kept = new List<SameDayFile>();
            foreach (var file in ordered)
            {
                if (kept.FirstOrDefault(k => k.ContentHash == file.ContentHash) is { } original)
                {
                    skipped.Add(file.Path);
                    problems.Add(new InputProblem(file.Path, 1, $"same group and day ({date}) as {original.Path}, and the same content: this copy is skipped"));
                }
                else
                {
                    kept.Add(file);
                }
            }

            if (kept.Count < 2)
            {
                continue;
            }

            foreach (var file in kept)
            {
                var others = string.Join(", ", kept.Where(k => k != file).Select(k => k.Path));
                problems.Add(new InputProblem(
                    file.Path,
                    1,
                    $"same group and day ({date}) as {others}, but different content: both read, so messages in both give repeated exchanges"));
            }
        }

        return new SameDayCheck(skipped, problems);
    }
}
