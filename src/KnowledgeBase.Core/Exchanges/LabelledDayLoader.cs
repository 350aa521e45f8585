using System.Text.Json;
using KnowledgeBase.Core.Evaluation;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>Loads labelled days (<c>data/labels/&lt;group&gt;/&lt;date&gt;-chat.json</c>) with their chat logs, and the fixed train/held-out split.</summary>
public static class LabelledDayLoader
{
    /// <summary>The split file inside a labels folder.</summary>
    public const string SplitFile = "splits.json";

    /// <summary>Reads the days named by a list of label files (paths relative to the labels folder).</summary>
    /// <param name="labelsDirectory">The labels folder.</param>
    /// <param name="corpusRoot">The corpus the labels' paths are relative to.</param>
    /// <param name="labelFiles">Label files relative to <paramref name="labelsDirectory"/>, e.g. <c>devarch/2018-01-10-chat.json</c>.</param>
    /// <returns>The days with their labels, in the given order.</returns>
    public static IReadOnlyList<LabelledDay> Load(string labelsDirectory, string corpusRoot, IEnumerable<string> labelFiles)
    {
        var wanted = labelFiles.Select(f => f.Replace('\\', '/')).ToList();
        var reader = new ChatLogReader();
        var root = Path.GetFullPath(corpusRoot);
        var days = new List<LabelledDay>(wanted.Count);
        foreach (var file in wanted)
        {
            var labels = GoldSet.ReadGoldFile(Path.Combine(labelsDirectory, file));
            var full = Path.Combine(root, labels.Path);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"{full}: the chat log of label file {file} is missing", full);
            }

            days.Add(new LabelledDay(reader.ReadFile(root, full).Day, labels));
        }

        return days;
    }

    /// <summary>Reads <c>splits.json</c>: the label files used for training and those held out.</summary>
    /// <param name="labelsDirectory">The labels folder.</param>
    /// <returns>Train and held-out label files.</returns>
    public static (IReadOnlyList<string> Train, IReadOnlyList<string> HeldOut) ReadSplit(string labelsDirectory)
    {
        var path = Path.Combine(labelsDirectory, SplitFile);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        IReadOnlyList<string> Read(string name) =>
            document.RootElement.TryGetProperty(name, out var list)
                ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).Where(s => s.Length > 0).ToList()
                : throw new InvalidDataException($"{path}: no \"{name}\" list");
        return (Read("train"), Read("heldout"));
    }
}
