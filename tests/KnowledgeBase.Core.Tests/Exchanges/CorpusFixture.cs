using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Exchanges;

/// <summary>
/// The costly things corpus tests share: the speaker directory built from the whole corpus (as <c>kb build</c>
/// builds it) and an exchange finder over the shipped models. Built on first use, so a run without the corpus
/// never reads it.
/// </summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly Lazy<SpeakerDirectory> _directory = new(BuildDirectory);
    private readonly Lazy<ExchangeFinder> _finder;

    public CorpusFixture() =>
        _finder = new(() => new ExchangeFinder(
            ExchangeModels.Load(Path.Combine(AppContext.BaseDirectory, "models")),
            ChineseSegmenter.Load(),
            Directory));

    /// <summary>Who is who, from every day of the corpus.</summary>
    public SpeakerDirectory Directory => _directory.Value;

    /// <summary>An exchange finder with the shipped models and the corpus directory.</summary>
    public ExchangeFinder Finder => _finder.Value;

    /// <summary>Reads one day of the corpus.</summary>
    public static ChatDay ReadDay(string relativePath) =>
        new ChatLogReader().ReadFile(CorpusFolder.Path!, CorpusFolder.File(relativePath)).Day;

    public void Dispose()
    {
        if (_finder.IsValueCreated)
        {
            _finder.Value.Dispose();
        }
    }

    private static SpeakerDirectory BuildDirectory()
    {
        var builder = new SpeakerDirectoryBuilder();
        builder.ObserveCorpus(CorpusFolder.Path!);
        return builder.Build();
    }
}
