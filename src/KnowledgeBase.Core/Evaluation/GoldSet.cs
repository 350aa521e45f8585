using System.Text.Json;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Evaluation;

/// <summary>
/// The hand-labelled exchanges of a development set: one <see cref="GoldFile"/> per labelled corpus day, keyed by the
/// corpus path the gold file names.
/// </summary>
public sealed class GoldSet
{
    /// <summary>Creates a gold set from files already in memory.</summary>
    /// <param name="files">The labelled days; each corpus path at most once.</param>
    /// <exception cref="ArgumentException">Two files name the same corpus path.</exception>
    public GoldSet(IEnumerable<GoldFile> files)
    {
        var list = files.ToList();
        string? repeated = list.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new ArgumentException($"two gold files label {repeated}", nameof(files));
        }

        Files = list;
    }

    /// <summary>The labelled days, in the order they were given or loaded.</summary>
    public IReadOnlyList<GoldFile> Files { get; }

    /// <summary>
    /// The <c>*.json</c> files <see cref="Load"/> found that are not label files (neither <c>path</c> nor
    /// <c>exchanges</c> at the top of an object, such as <c>data/labels/splits.json</c> or a review list), in the order
    /// they were found; empty for a set made from files in memory.
    /// </summary>
    public IReadOnlyList<SkippedGoldFile> Skipped { get; private init; } = [];

    /// <summary>
    /// The labelled days in which <paramref name="predictions"/> has no exchange at all. They are scored all the same
    /// (every gold exchange in them is missed), so a run that did not read them scores low without saying why.
    /// </summary>
    /// <param name="predictions">The predictions.</param>
    /// <returns>Their corpus paths, in the order of <see cref="Files"/>.</returns>
    public IReadOnlyList<string> FilesWithoutPredictions(PredictedExchanges predictions)
    {
        var predicted = predictions.Exchanges.SelectMany(e => e.Paths).ToHashSet(StringComparer.Ordinal);
        return Files.Select(f => f.Path).Where(path => !predicted.Contains(PredictedExchanges.NormalizePath(path))).ToList();
    }

    /// <summary>
    /// Loads every label file under <paramref name="goldDir"/>: each <c>*.json</c> file (recursively, without following
    /// directory links, as <c>os.walk</c> does) that is an object with <c>path</c> or <c>exchanges</c>, shaped
    /// <c>{"path": "group/file.markdown", "exchanges": [{"q": [..], "a": [..], "topic": ".."}]}</c>. Other keys
    /// (<c>answered</c>, <c>note</c>) are ignored; other JSON files (a split file, a review list) are left out and listed
    /// in <see cref="Skipped"/>.
    /// </summary>
    /// <param name="goldDir">The gold folder, e.g. <c>shared/gold-dev</c> or <c>data/labels</c>.</param>
    /// <returns>The gold set; within each folder its files by name, then its subfolders by name.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// A JSON file does not parse (the message names it and the line), a label file lacks <c>path</c>,
    /// <c>exchanges</c>, <c>q</c> or <c>a</c>, two name the same corpus path, or there is no label file at all.
    /// </exception>
    public static GoldSet Load(string goldDir)
    {
        var files = new List<GoldFile>();
        var skipped = new List<SkippedGoldFile>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string jsonPath in WalkJsonFiles(new DirectoryInfo(goldDir)))
        {
            using var doc = Parse(jsonPath);
            if (NotALabelFile(doc.RootElement) is { } reason)
            {
                skipped.Add(new SkippedGoldFile(jsonPath, reason));
                continue;
            }

            GoldFile file = ReadGoldFile(doc.RootElement, jsonPath);
            if (seen.TryGetValue(file.Path, out string? first))
            {
                // score.py would keep whichever os.walk lists last, which depends on the file system.
                throw new InvalidDataException($"{jsonPath}: labels {file.Path} again (already labelled by {first})");
            }

            seen.Add(file.Path, jsonPath);
            files.Add(file);
        }

        if (files.Count == 0)
        {
            // Scores of nothing are zeros that look like a result.
            throw new InvalidDataException(
                $"no label files in {goldDir} (*.json objects with \"path\" and \"exchanges\")" +
                (skipped.Count > 0 ? $"; {skipped.Count} other JSON file(s) there: {string.Join(", ", skipped.Take(3).Select(s => s.Path))}{(skipped.Count > 3 ? ", …" : string.Empty)}" : string.Empty));
        }

        return new GoldSet(files) { Skipped = skipped };
    }

    /// <summary>Reads one gold file (the shape <see cref="Load"/> describes), e.g. to pair a labelled day with its chat log.</summary>
    /// <param name="jsonPath">The gold file, e.g. <c>gold-dev/prodarch/2017-12-22-chat.json</c>.</param>
    /// <returns>The labelled day.</returns>
    /// <exception cref="InvalidDataException">
    /// The file does not parse (the message names it and the line), or lacks <c>path</c>, <c>exchanges</c>, <c>q</c> or <c>a</c>.
    /// </exception>
    public static GoldFile ReadGoldFile(string jsonPath)
    {
        using var doc = Parse(jsonPath);
        return ReadGoldFile(doc.RootElement, jsonPath);
    }

    private static GoldFile ReadGoldFile(JsonElement root, string jsonPath)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("path", out JsonElement path) || path.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("exchanges", out JsonElement exchanges) || exchanges.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{jsonPath}: a gold file needs a string \"path\" and an \"exchanges\" array");
        }

        var list = new List<GoldExchange>();
        foreach (JsonElement ex in exchanges.EnumerateArray())
        {
            list.Add(new GoldExchange(Lines(ex, "q", jsonPath), Lines(ex, "a", jsonPath), Topic(ex)));
        }

        return new GoldFile(path.GetString()!, list);
    }

    // System.Text.Json counts lines and bytes from 0; people count from 1.
    private static JsonDocument Parse(string jsonPath)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new InvalidDataException($"{jsonPath}{where}: not valid JSON: {JsonErrors.Reason(e)}", e);
        }
    }

    // A label file is an object with "path" and "exchanges"; one with either is a label file that may be incomplete (an
    // error then, as before). Anything else in the folder (splits.json, a review list) is some other file.
    private static string? NotALabelFile(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"not a label file: a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object with \"path\" and \"exchanges\"";
        }

        if (root.TryGetProperty("path", out _) || root.TryGetProperty("exchanges", out _))
        {
            return null;
        }

        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        return "not a label file: an object without \"path\" and \"exchanges\"" +
            (keys.Count == 0 ? string.Empty : $" (its keys: {string.Join(", ", keys.Take(5))}{(keys.Count > 5 ? ", …" : string.Empty)})");
    }

    private static int[] Lines(JsonElement exchange, string key, string jsonPath)
    {
        if (exchange.ValueKind != JsonValueKind.Object
            || !exchange.TryGetProperty(key, out JsonElement lines) || lines.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{jsonPath}: every exchange needs a \"{key}\" array of line numbers");
        }

        try
        {
            return [.. lines.EnumerateArray().Select(PythonText.Int)];
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{jsonPath}: \"{key}\": {e.Message}", e);
        }
    }

    private static string? Topic(JsonElement exchange) =>
        exchange.TryGetProperty("topic", out JsonElement topic) && topic.ValueKind != JsonValueKind.Null
            ? PythonText.Str(topic)
            : null;

    private static IEnumerable<string> WalkJsonFiles(DirectoryInfo dir)
    {
        if (!dir.Exists)
        {
            throw new DirectoryNotFoundException($"gold folder not found: {dir.FullName}");
        }

        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true };
        var entries = dir.EnumerateFileSystemInfos("*", options).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        foreach (FileInfo file in entries.OfType<FileInfo>().Where(f => f.Name.EndsWith(".json", StringComparison.Ordinal)))
        {
            yield return file.FullName;
        }

        foreach (DirectoryInfo sub in entries.OfType<DirectoryInfo>().Where(d => d.LinkTarget is null))
        {
            foreach (string path in WalkJsonFiles(sub))
            {
                yield return path;
            }
        }
    }
}
