using System.Text.Json;

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
    /// Loads every <c>*.json</c> file under <paramref name="goldDir"/> (recursively, without following directory links, as
    /// <c>os.walk</c> does): <c>{"path": "group/file.markdown", "exchanges": [{"q": [..], "a": [..], "topic": ".."}]}</c>.
    /// Other keys (<c>answered</c>, <c>note</c>) are ignored.
    /// </summary>
    /// <param name="goldDir">The gold folder, e.g. <c>shared/gold-dev</c>.</param>
    /// <returns>The gold set; within each folder its files by name, then its subfolders by name.</returns>
    /// <exception cref="InvalidDataException">A gold file lacks <c>path</c>, <c>exchanges</c>, <c>q</c> or <c>a</c>, or two name the same corpus path.</exception>
    public static GoldSet Load(string goldDir)
    {
        var files = new List<GoldFile>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string jsonPath in WalkJsonFiles(new DirectoryInfo(goldDir)))
        {
            GoldFile file = ReadGoldFile(jsonPath);
            if (seen.TryGetValue(file.Path, out string? first))
            {
                // score.py would keep whichever os.walk lists last, which depends on the file system.
                throw new InvalidDataException($"{jsonPath}: labels {file.Path} again (already labelled by {first})");
            }

            seen.Add(file.Path, jsonPath);
            files.Add(file);
        }

        return new GoldSet(files);
    }

    /// <summary>Reads one gold file (the shape <see cref="Load"/> describes), e.g. to pair a labelled day with its chat log.</summary>
    /// <param name="jsonPath">The gold file, e.g. <c>gold-dev/prodarch/2017-12-22-chat.json</c>.</param>
    /// <returns>The labelled day.</returns>
    /// <exception cref="InvalidDataException">The file lacks <c>path</c>, <c>exchanges</c>, <c>q</c> or <c>a</c>.</exception>
    public static GoldFile ReadGoldFile(string jsonPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        JsonElement root = doc.RootElement;
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
