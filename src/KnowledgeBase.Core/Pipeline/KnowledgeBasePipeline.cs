using System.Collections.Concurrent;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Pipeline;

/// <summary>
/// Composes the whole build: read every chat log, learn who is who, find the exchanges of each day, cluster them into
/// topics and merge them into FAQ entries. Files are streamed twice (once for speaker evidence, once for exchanges)
/// so memory holds exchanges, never the raw corpus.
/// </summary>
public sealed class KnowledgeBasePipeline
{
    /// <summary>Runs a build.</summary>
    /// <param name="options">What to read and how.</param>
    /// <param name="progress">Receives progress for a progress bar.</param>
    /// <param name="cancellationToken">Stops the run between files.</param>
    /// <returns>The knowledge base and every input problem.</returns>
    public PipelineResult Run(KnowledgeBasePipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timings = new List<(string Stage, TimeSpan Elapsed)>();
        void Lap(string stage)
        {
            timings.Add((stage, clock.Elapsed));
            clock.Restart();
        }

        var root = Path.GetFullPath(options.InputRoot);
        var found = ChatLogFinder.Find(root);
        var files = found.Files;
        var problems = new ConcurrentBag<InputProblem>(found.Problems);
        var segmenter = ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = options.ModelsDirectory });
        var models = ExchangeModels.Load(options.ModelsDirectory);
        var reader = new ChatLogReader();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };

        // Pass 1: read every file, count what was read and gather who-is-who evidence across the corpus.
        var directoryBuilder = new SpeakerDirectoryBuilder();
        int messages = 0, headers = 0, done = 0;
        Parallel.ForEach(files, parallel, file =>
        {
            var result = reader.ReadFile(root, file.FullPath);
            foreach (var problem in result.Problems)
            {
                problems.Add(problem);
            }

            directoryBuilder.Observe(result.Day.Messages);
            Interlocked.Add(ref messages, result.Day.Messages.Count);
            Interlocked.Add(ref headers, result.HeaderLines);
            progress?.Report(new PipelineProgress("reading", Interlocked.Increment(ref done), files.Count));
        });
        var directory = directoryBuilder.Build();
        Lap("reading");

        // Pass 2: find each day's exchanges with the learned detector and linker.
        var perFile = new IReadOnlyList<Exchange>[files.Count];
        done = 0;
        using (var finder = new ExchangeFinder(models, segmenter, directory))
        {
            Parallel.For(0, files.Count, parallel, i =>
            {
                var day = reader.ReadFile(root, files[i].FullPath).Day;
                perFile[i] = finder.Find(day);
                progress?.Report(new PipelineProgress("finding exchanges", Interlocked.Increment(ref done), files.Count));
            });
        }

        var exchanges = perFile.SelectMany(e => e).ToList();
        Lap("exchanges");

        // Topics from the data, then one entry per distinct question.
        progress?.Report(new PipelineProgress("clustering topics", 0, 1));
        var clustering = new TopicClusterer(segmenter, new TopicClustererOptions { TopicCount = options.TopicCount }).Cluster(exchanges);
        Lap("topics");
        progress?.Report(new PipelineProgress("building entries", 0, 1));
        var entries = new FaqEntryBuilder(segmenter).Build(clustering.Exchanges, clustering.Topics);
        Lap("entries");

        var sortedProblems = problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
        var document = new KnowledgeBaseDocument(
            KnowledgeBaseDocument.CurrentSchemaVersion,
            options.GeneratedAt ?? DateTimeOffset.UtcNow,
            new InputSummary(options.InputRoot, files.Count, messages, sortedProblems.Count),
            clustering.Topics,
            clustering.Exchanges,
            entries);
        return new PipelineResult(document, sortedProblems, headers, timings);
    }
}
