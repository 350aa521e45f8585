namespace KnowledgeBase.Core.Segmentation;

/// <summary>Where <see cref="ChineseSegmenter"/> finds its dictionaries, and how much it caches.</summary>
public sealed record ChineseSegmenterOptions
{
    /// <summary>
    /// Folder with the payment-domain user dictionary and the stop words
    /// (the repository's <c>models/</c>, copied to <c>&lt;output&gt;/models</c> by the build).
    /// </summary>
    public string ModelsDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>
    /// Folder with jieba.NET's own dictionaries (<c>dict.txt</c>, <c>idf.txt</c>, the HMM tables), copied from the
    /// package's <c>Resources/</c> to <c>&lt;output&gt;/Resources</c> by the build. jieba holds one dictionary per
    /// process, so every segmenter of a process must use the same folder.
    /// </summary>
    public string JiebaResourcesDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "Resources");

    /// <summary>File name of the user dictionary in <see cref="ModelsDirectory"/>, in jieba's <c>word frequency tag</c> format.</summary>
    public string UserDictionaryFileName { get; init; } = "payment-dict.txt";

    /// <summary>File name of the stop-word list in <see cref="ModelsDirectory"/>, one word per line.</summary>
    public string StopWordsFileName { get; init; } = "stopwords.txt";

    /// <summary>Most segmented texts kept in memory; 0 turns the cache off.</summary>
    public int CacheCapacity { get; init; } = 50_000;

    /// <summary>Longest text (in UTF-16 code units) that is cached; chat repeats short texts, long ones rarely.</summary>
    public int MaxCachedTextLength { get; init; } = 200;

    /// <summary>Full path of the user dictionary.</summary>
    public string UserDictionaryPath => Path.Combine(ModelsDirectory, UserDictionaryFileName);

    /// <summary>Full path of the stop-word list.</summary>
    public string StopWordsPath => Path.Combine(ModelsDirectory, StopWordsFileName);
}
