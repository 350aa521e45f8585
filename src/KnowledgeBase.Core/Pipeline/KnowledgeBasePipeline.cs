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
        var found = ChatLogFinder.Find(root, options.LeaveOut);
        var files = found.Files;
        if (files.Count == 0)
        {
            // An empty or mistyped input folder is no corpus: returned before the cache is opened, so it cannot drop the
            // records of the real one.
            return NothingReadable(options, found.UnfollowedChatLogs, found.Problems, found.LeftOut, 0, timings);
        }

        var problems = new ConcurrentBag<InputProblem>(found.Problems);
        var segmenter = ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = options.ModelsDirectory });
        var reader = new ChatLogReader();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        BuildCache? cache = null;
        string? cacheNote = null;
        if (options.CachePath is not null)
        {
            (cache, cacheNote) = BuildCache.Open(options.CachePath, options.ModelsDirectory);
        }

        using var cacheScope = cache;

        // Pass 1: read every file (or take what an earlier build read from the same bytes), then drop copies of a group
        // and day already read, count what was read and gather who-is-who evidence across the corpus.
        var directoryBuilder = new SpeakerDirectoryBuilder();
        var keys = new string?[files.Count];
        var days = new DayRecord?[files.Count];
        var sameDay = new SameDayFile?[files.Count];
        int messages = 0, headers = 0, read = 0, done = 0, reused = 0, computed = 0;
        Parallel.For(0, files.Count, parallel, i =>
        {
            var loaded = reader.Load(root, files[i].FullPath);
            DayRecord day;
            if (loaded.Failure is { } failure)
            {
                day = new DayRecord(failure.Problems, 0, failure.HeaderLines, SpeakerEvidence.None, new DirectoryQueries([], []), failure.Day.Date, IsChatLog: false);
            }
            else
            {
                var key = keys[i] = cache?.KeyOf(loaded.RelativePath, loaded.Content);
                var cached = key is null ? null : cache!.Get<DayRecord>(BuildCacheTable.Days, key);
                if (cached is not null)
                {
                    cache!.Keep(key!);
                    Interlocked.Increment(ref reused);
                }
                else if (cache is not null)
                {
                    Interlocked.Increment(ref computed);
                }

                day = days[i] = cached ?? ReadDay(reader, loaded, cache, key);
                sameDay[i] = new SameDayFile(loaded.RelativePath, day.Date, SameDayFile.HashOf(loaded.Content));
            }

            foreach (var problem in day.Problems)
            {
                problems.Add(problem);
            }

            Interlocked.Add(ref headers, day.HeaderLines);
            progress?.Report(new PipelineProgress("reading", Interlocked.Increment(ref done), files.Count));
        });
        var copies = SameDayFiles.Check(sameDay.OfType<SameDayFile>().ToList(), options.ReadBefore);
        foreach (var problem in copies.Problems)
        {
            problems.Add(problem);
        }

        for (var i = 0; i < files.Count; i++)
        {
            if (days[i] is not { } day)
            {
                continue;
            }

            if (copies.Skipped.Contains(files[i].RelativePath))
            {
                days[i] = null;
                headers -= day.HeaderLines;
                continue;
            }

            directoryBuilder.Add(day.Evidence);
            messages += day.Messages;
            read += day.IsChatLog ? 1 : 0;
        }

        if (read == 0 && !problems.IsEmpty)
        {
            // Only unreadable files (a day nobody spoke on, with a front matter, is read): nothing to build from.
            // Disposing the cache rolls this pass back, so it keeps the records of the last real build.
            return NothingReadable(options, files.Count + found.UnfollowedChatLogs, Sorted(problems), found.LeftOut, headers, timings);
        }

        var directory = directoryBuilder.Build();
        cache?.Commit();
        Lap("reading");

        // Pass 2: find each day's exchanges with the learned detector and linker; an earlier build's exchanges of the same
        // bytes are reused when the speaker directory still resolves the day's mentions the same way.
        var (exchanges, reusedDays, computedDays) = FindExchanges(options, segmenter, directory, reader, root, files, days, keys, cache, parallel, progress);
        reused += reusedDays;
        computed += computedDays;
        cache?.Commit();
        Lap("exchanges");

        // Topics from the data, then one entry per distinct question.
        progress?.Report(new PipelineProgress("clustering topics", 0, 1));
        var clustering = new TopicClusterer(segmenter, new TopicClustererOptions { TopicCount = options.TopicCount }).Cluster(exchanges, options.PreviousTopics);
        Lap("topics");
        progress?.Report(new PipelineProgress("building entries", 0, 1));
        // Answers are credited to people, not nicks: a member known under two nicks is one expert.
        var attributed = clustering.Exchanges.Select(directory.Attributed).ToList();
        // Keywords spelled one way throughout (P2P, not p2p in one entry and P2P in the next).
        var (topics, entries) = KeywordSpelling.Unify(clustering.Topics, attributed, new FaqEntryBuilder(segmenter).Build(attributed, clustering.Topics));
        Lap("entries");

        var sortedProblems = Sorted(problems);
        var document = new KnowledgeBaseDocument(
            KnowledgeBaseDocument.CurrentSchemaVersion,
            options.GeneratedAt ?? DateTimeOffset.UtcNow,
            new InputSummary(options.InputRoot, read, messages, InputProblem.Total(sortedProblems)) { SkippedFiles = files.Count - read + found.UnfollowedChatLogs },
            topics,
            attributed,
            entries);
        var cacheUse = cache is null ? null : new BuildCacheUse(cache.Path, reused, computed, cache.Complete(), cacheNote);
        return new PipelineResult(document, sortedProblems, headers, timings)
        {
            Cache = cacheUse,
            TopicSelection = clustering.Selection,
            LeftOut = found.LeftOut,
        };
    }

    private static PipelineResult NothingReadable(
        KnowledgeBasePipelineOptions options,
        int skippedFiles,
        IReadOnlyList<InputProblem> problems,
        IReadOnlyList<LeftOutFolder> leftOut,
        int headers,
        IReadOnlyList<(string Stage, TimeSpan Elapsed)> timings)
    {
        var document = new KnowledgeBaseDocument(
            KnowledgeBaseDocument.CurrentSchemaVersion,
            options.GeneratedAt ?? DateTimeOffset.UtcNow,
            new InputSummary(options.InputRoot, 0, 0, InputProblem.Total(problems)) { SkippedFiles = skippedFiles },
            [],
            [],
            []);
        return new PipelineResult(document, problems, headers, timings) { NothingReadable = true, LeftOut = leftOut };
    }

    private static List<InputProblem> Sorted(IEnumerable<InputProblem> problems) =>
        problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();

    /// <summary>
    /// The second pass: each day's exchanges, in file order. The models (tens of MB of ML.NET transformers) and the finder
    /// live in this frame only, and each day's record is let go of once its exchanges are found, so that topics and
    /// entries run beside the exchanges alone.
    /// </summary>
    private static (List<Exchange> Exchanges, int Reused, int Computed) FindExchanges(
        KnowledgeBasePipelineOptions options,
        ChineseSegmenter segmenter,
        SpeakerDirectory directory,
        ChatLogReader reader,
        string root,
        IReadOnlyList<ChatLogFile> files,
        DayRecord?[] days,
        string?[] keys,
        BuildCache? cache,
        ParallelOptions parallel,
        IProgress<PipelineProgress>? progress)
    {
        var perFile = new IReadOnlyList<Exchange>[files.Count];
        int done = 0, reused = 0, computed = 0;
        using (var finder = new ExchangeFinder(ExchangeModels.Load(options.ModelsDirectory), segmenter, directory))
        {
            Parallel.For(0, files.Count, parallel, i =>
            {
                if (days[i] is null)
                {
                    perFile[i] = [];
                }
                else if (Cached(cache, keys[i], days[i]!, directory) is { } cached)
                {
                    perFile[i] = cached;
                    Interlocked.Increment(ref reused);
                }
                else
                {
                    perFile[i] = Find(reader, root, files[i].FullPath, finder, directory, cache);
                    if (cache is not null)
                    {
                        Interlocked.Increment(ref computed);
                    }
                }

                days[i] = null;
                progress?.Report(new PipelineProgress("finding exchanges", Interlocked.Increment(ref done), files.Count));
            });
        }

        return (perFile.SelectMany(e => e).ToList(), reused, computed);
    }

    private static DayRecord ReadDay(ChatLogReader reader, LoadedChatLog loaded, BuildCache? cache, string? key)
    {
        var result = reader.Read(loaded.RelativePath, loaded.Content!);
        var messages = result.Day.Messages;
        var day = new DayRecord(
            result.Problems, messages.Count, result.HeaderLines, SpeakerDirectoryBuilder.Collect(messages), DirectoryQueries.Of(messages), result.Day.Date, result.Day.IsChatLog);
        if (key is not null)
        {
            cache!.Put(BuildCacheTable.Days, key, day);
        }

        return day;
    }

    private static IReadOnlyList<Exchange>? Cached(BuildCache? cache, string? key, DayRecord day, SpeakerDirectory directory)
    {
        if (cache is null || key is null || cache.Get<ExchangeRecord>(BuildCacheTable.Exchanges, key) is not { } record)
        {
            return null;
        }

        if (!record.Resolutions.SequenceEqual(day.Queries.Answer(directory), StringComparer.Ordinal))
        {
            return null;
        }

        cache.Keep(key);
        return record.Exchanges;
    }

    private static IReadOnlyList<Exchange> Find(ChatLogReader reader, string root, string fullPath, ExchangeFinder finder, SpeakerDirectory directory, BuildCache? cache)
    {
        // Read again rather than held since pass 1: memory holds exchanges, never the raw corpus.
        var loaded = reader.Load(root, fullPath);
        var day = (loaded.Failure ?? reader.Read(loaded.RelativePath, loaded.Content!)).Day;
        var exchanges = finder.Find(day);
        if (cache is not null && loaded.Content is not null)
        {
            var resolutions = DirectoryQueries.Of(day.Messages).Answer(directory);
            cache.Put(BuildCacheTable.Exchanges, cache.KeyOf(loaded.RelativePath, loaded.Content), new ExchangeRecord(resolutions, exchanges));
        }

        return exchanges;
    }
}
