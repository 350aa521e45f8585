using System.Security.Cryptography;
using System.Text;

namespace KnowledgeBase.Core.Export;

/// <summary>
/// The record <c>kb export</c> keeps beside the files it writes (<c>.kb-export</c>: each file's name and SHA-256), so that
/// the next export into the same folder removes the files the earlier one wrote and it no longer writes (the page of an
/// entry rejected since, a topic left without entries), and nothing else: files it did not write, and files changed
/// since it wrote them, are left alone.
/// </summary>
public static class ExportRecord
{
    /// <summary>The record's file name in the output folder.</summary>
    public const string FileName = ".kb-export";

    private const string Header =
        "# kb export: the files the last export wrote into this folder, with their SHA-256. The next export removes those it no longer writes, unless changed since.";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Makes sure the record can be written into an existing export folder before any file is, so that an export
    /// refused for it has written nothing: the record is not a folder, and a file can be created beside it.
    /// </summary>
    /// <param name="outputDirectory">The export folder; when it does not exist yet, the export creates it and there is nothing to check.</param>
    /// <exception cref="IOException">The record cannot be written; the message names it and says that nothing was written.</exception>
    public static void EnsureWritable(string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory))
        {
            return;
        }

        var path = Path.Combine(outputDirectory, FileName);
        if (Directory.Exists(path))
        {
            throw new IOException($"{path} is a folder, but kb export keeps its record of the files it writes there: nothing was written (move the folder aside)");
        }

        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, string.Empty);
            File.Delete(temporary);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {temporary}, where kb export writes its record of the files it writes ({error.Message}): nothing was written", error);
        }
    }

    /// <summary>Removes what the previous export wrote and this one did not, then records this export's files.</summary>
    /// <param name="outputDirectory">The export folder.</param>
    /// <param name="written">The files this export wrote, relative to the folder.</param>
    /// <param name="inputs">Files the export read: left in place, and no longer recorded as an export's.</param>
    /// <returns>The files written, those removed, and those left alone because they changed since the previous export wrote them.</returns>
    public static ExportResult Update(string outputDirectory, IReadOnlyList<string> written, IReadOnlyList<string>? inputs = null)
    {
        var read = (inputs ?? []).Select(Path.GetFullPath).ToHashSet(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var path = Path.Combine(outputDirectory, FileName);
        var now = written.ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        var changed = new List<string>();
        foreach (var (name, hash) in Read(path).Where(r => !now.Contains(r.Name)))
        {
            var file = Path.Combine(outputDirectory, name);
            if (!File.Exists(file) || read.Contains(Path.GetFullPath(file)))
            {
                continue;
            }

            if (string.Equals(Hash(file), hash, StringComparison.OrdinalIgnoreCase))
            {
                File.Delete(file);
                removed.Add(name);
            }
            else
            {
                changed.Add(name);
            }
        }

        var record = new StringBuilder(Header).Append('\n');
        foreach (var name in written.Distinct(StringComparer.Ordinal))
        {
            record.Append(Hash(Path.Combine(outputDirectory, name))).Append("  ").Append(name).Append('\n');
        }

        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, record.ToString(), Utf8);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Checked before the files were written, so only a failure since (a full disk, say) gets here.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new IOException(
                $"{written.Count} file(s) were written in {outputDirectory}, but not their record {path} ({error.Message}): " +
                "the next export there will not remove those it no longer writes", error);
        }

        return new ExportResult(written, removed, changed);
    }

    // Lines "<sha256>  <name>"; only a plain file name of the folder counts, so a record edited by hand cannot reach
    // outside it or the record itself.
    private static IEnumerable<(string Name, string Hash)> Read(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadAllLines(path, Utf8))
        {
            var space = line.IndexOf("  ", StringComparison.Ordinal);
            if (line.StartsWith('#') || space != 64)
            {
                continue;
            }

            var name = line[(space + 2)..];
            if (name.Length > 0 && name is not ("." or ".." or FileName) && Path.GetFileName(name) == name
                && name.IndexOfAny(['/', '\\']) < 0 && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0)
            {
                yield return (name, line[..space]);
            }
        }
    }

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
