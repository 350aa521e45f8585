using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Pipeline;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Topics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Build;

/// <summary><c>kb build &lt;input-dir&gt; --out &lt;dir&gt;</c>: the whole pipeline, writing <c>&lt;dir&gt;/faq.json</c>.</summary>
internal sealed class BuildCommand : Command<BuildSettings>
{
    public override int Execute(CommandContext context, BuildSettings settings, CancellationToken cancellationToken)
    {
        var options = new KnowledgeBasePipelineOptions(settings.Input)
        {
            TopicCount = settings.Topics,
            GeneratedAt = ReproducibleBuildTime(),
            CachePath = settings.NoCache ? null : settings.Cache ?? Path.Combine(settings.Out, "build-cache.db"),
            // An output folder inside the input holds exports (index.md, topic pages) that would pass for chat logs.
            LeaveOut = [settings.Out],
        };
        if (settings.Models is not null)
        {
            options = options with { ModelsDirectory = settings.Models };
        }

        var db = settings.Db ?? Path.Combine(settings.Out, "kb.db");
        // The same segmenter as `kb serve`, so the store's search index is not rebuilt when switching between them.
        var segmenter = ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = options.ModelsDirectory });
        // The topics of the previous build of this output (the store's, else the faq.json there): they are continued and
        // their ids kept, so that a few days added leave every entry in its topic under its id. Of same-day copies, the
        // files the store's latest build read stay the ones read.
        var (previous, readBefore) = Previous(db, settings.Out, segmenter);
        options = options with { PreviousTopics = settings.FreshTopics ? null : previous, ReadBefore = readBefore };

        // What this run creates and must take back when it finds nothing readable ("nothing written").
        var outExisted = Directory.Exists(settings.Out);
        var cacheExisted = options.CachePath is { } cachePath && File.Exists(cachePath);
        // Personal data never reaches faq.json or the store unless asked for; then review decisions are applied.
        var masking = MaskingOptions.Default with { MaskPersonalData = !settings.NoMask };
        var watch = Stopwatch.StartNew();
        PipelineResult result;
        TimeSpan maskingTime;
        try
        {
            (result, maskingTime) = RunMasked(options, masking, cancellationToken);
        }
        catch (BuildCacheRefusedException refused)
        {
            Terminal.Problem($"kb build: build cache {refused.Message}; nothing written");
            return ExitCodes.UsageOrNothingReadable;
        }
        foreach (var problem in result.Problems)
        {
            Terminal.Problem(problem.ToString());
        }

        foreach (var left in result.LeftOut)
        {
            Console.Error.WriteLine(
                (left.IsExport
                    ? $"kb build: note: {Path.Join(settings.Input, left.Path)} holds a kb export (.kb-export): not searched for chat logs "
                    : $"kb build: note: the output folder {Path.Join(settings.Input, left.Path)} is inside the input folder: not searched for chat logs ") +
                $"({left.ChatLogFiles} *.md/*.markdown file(s) there not read)");
        }

        if (result.NothingReadable)
        {
            var why = result.Document.Input.SkippedFiles == 0 ? "no chat-log files (*.md, *.markdown)" : "no file gave a message";
            Terminal.Problem($"kb build: nothing readable in {settings.Input}: {why}; nothing written (faq.json, the build cache and the review store are as they were)");
            // Only unreadable files: the pipeline had opened the build cache before it knew, creating it if it was new.
            if (options.CachePath is { } created && !cacheExisted && File.Exists(created))
            {
                BuildCache.Delete(created);
            }

            if (!outExisted && Directory.Exists(settings.Out) && !Directory.EnumerateFileSystemEntries(settings.Out).Any())
            {
                Directory.Delete(settings.Out);
            }

            return ExitCodes.UsageOrNothingReadable;
        }

        if (result.Cache is { } cache)
        {
            if (cache.Replaced is not null)
            {
                Terminal.Problem($"kb build: build cache {cache.Replaced}");
            }

            Console.Error.WriteLine($"build cache {cache.Path}: {cache.Hits} records reused, {cache.Misses} computed, {cache.Dropped} dropped");
        }

        if (TopicsNote(settings, previous, result) is { } topicsNote)
        {
            Console.Error.WriteLine(topicsNote);
        }

        if (settings.Topics is int asked && result.Document.Topics.Count != asked)
        {
            Console.Error.WriteLine($"kb build: note: --topics {asked} gave {result.Document.Topics.Count} topics: {WhyOtherTopicCount(asked, result)}");
        }

        var document = result.Document;
        var stages = result.Timings.Append((Stage: "masking", Elapsed: maskingTime)).ToList();
        var lap = Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages.Add((stage, lap.Elapsed));
            lap.Restart();
        }

        Directory.CreateDirectory(settings.Out);
        document = MergeIntoStore(db, segmenter, document, previous);

        // Analysts type into edits what the chat had masked (a phone number to call): faq.json gets them masked too. Only
        // entries take edits; the topics and exchanges were masked above.
        document = PersonalDataMasker.MaskEntries(document, masking);
        Lap("review store");
        var target = Path.Combine(settings.Out, "faq.json");
        new FaqJsonWriter().WriteFile(document, target);
        Lap("writing");
        Console.Out.WriteLine(
            $"{document.Input.Files} files read, {document.Input.SkippedFiles} skipped, {document.Input.Messages} messages ({result.HeaderLines} header lines), " +
            $"{document.Input.Problems} problems; {document.Exchanges.Count} exchanges, {document.Topics.Count} topics, " +
            $"{document.Entries.Count} entries -> {target} in {watch.Elapsed.TotalSeconds:0.0} s");
        Console.Error.WriteLine("stages: " + string.Join(", ", stages.Select(t => $"{t.Stage} {t.Elapsed.TotalSeconds:0.0} s")));
        return result.Problems.Count > 0 ? ExitCodes.InputProblems : ExitCodes.Ok;
    }

    // The build into the review store, which keeps every review decision; returns the document as the store has it. The
    // merge's own copy of the document ends with this method, before faq.json is written.
    private static KnowledgeBaseDocument MergeIntoStore(string db, ChineseSegmenter segmenter, KnowledgeBaseDocument document, PreviousTopics? previous)
    {
        using var store = new CurationStore(CurationStoreOptions.WithSegmenter(db, segmenter));
        // Topic ids stay those of the previous build, so an entry keeps its topic, and a topic an analyst moved an
        // entry to keeps its meaning, after a small input change.
        var merged = store.MergeBuild(TopicIdMatcher.KeepIds(document, previous));
        Console.Error.WriteLine(
            $"review store {db}: {merged.Added.Count} new, {merged.Changed.Count} changed, {merged.Moved.Count} moved, {merged.Missing.Count} no longer found, " +
            $"{merged.ChangedSinceReview.Count} approved entries changed since review");
        if (merged.MostlyMissing)
        {
            Terminal.Problem(
                $"kb build: WARNING: this build no longer produced {merged.Missing.Count} of the {merged.PresentBefore} entries {db} had; " +
                "they are now marked missing (kept with their decisions, hidden from lists and exports). Another corpus into the same store? " +
                "Building the right input brings them back.");
        }

        return merged.Document.WithTopicsOfEntries(store.KnownTopics());
    }

    // How this build's topics came about, when there was a previous build to continue (a first build says nothing).
    private static string? TopicsNote(BuildSettings settings, PreviousTopics? previous, PipelineResult result)
    {
        if (result.TopicSelection is not { } selection || previous is null || previous.IsEmpty)
        {
            return null;
        }

        var exchanges = result.Document.Exchanges.Count;
        if (selection.Continued)
        {
            return $"topics: the previous build's {selection.Chosen} topics continued: {selection.Known} exchanges it had kept their topics, " +
                $"{exchanges - selection.Known} new ones joined the nearest" +
                (selection.Splits > 0 ? $", then {selection.Splits} topic(s) holding over a quarter of the exchanges were split in two" : "") +
                "; --fresh-topics clusters afresh";
        }

        var why = settings.FreshTopics ? "--fresh-topics"
            : settings.Topics is int count ? $"--topics {count}"
            : $"the previous build had {selection.Known} of the {exchanges} exchanges, under {new TopicClustererOptions().ContinueMinShare:0%}";
        return $"topics: chosen afresh ({why}): exchanges may have moved to other topics; topic ids are kept where topics share exchanges";
    }

    private static string WhyOtherTopicCount(int asked, PipelineResult result)
    {
        var exchanges = result.Document.Exchanges.Count;
        var splits = result.TopicSelection?.Splits ?? 0;
        var reasons = new List<string>();
        if (exchanges < asked)
        {
            reasons.Add($"there are only {exchanges} exchanges to cluster");
        }

        if (splits > 0)
        {
            var share = new TopicClustererOptions().MaxTopicShare;
            reasons.Add($"{splits} time(s) a cluster holding more than {share:0%} of the {exchanges} exchanges was split in two");
        }

        return reasons.Count > 0 ? string.Join("; ", reasons) : "k-means left some clusters empty";
    }

    // What the previous build of this output left: its topics, and the files the store's latest build read.
    private static (PreviousTopics? Topics, IReadOnlySet<string> ReadBefore) Previous(string db, string output, ChineseSegmenter segmenter)
    {
        // An output that has no store yet gets none here: a build that reads nothing must leave no file behind. A store
        // that is there is checked whole now, so that one that is damaged or not a store stops the build before its long
        // work, with faq.json, the build cache and the store as they were.
        IReadOnlySet<string> readBefore = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(db))
        {
            using var store = new CurationStore(CurationStoreOptions.WithSegmenter(db, segmenter) with { CheckIntegrity = true });
            readBefore = store.FilesOfLatestBuild();
            var topics = store.TopicsOfLatestBuild();
            if (!topics.IsEmpty)
            {
                return (topics, readBefore);
            }
        }

        var path = Path.Combine(output, "faq.json");
        return (File.Exists(path) && FaqJsonInput.TryRead(path, out var document) ? Core.Topics.PreviousTopics.Of(document) : null, readBefore);
    }

    // The build with its document masked. Masking copies every message; in a method of its own, the unmasked document
    // ends here instead of being held beside the masked copy through the review store and writing.
    private static (PipelineResult Result, TimeSpan Masking) RunMasked(KnowledgeBasePipelineOptions options, MaskingOptions masking, CancellationToken cancellationToken)
    {
        var result = Terminal.Interactive
            ? RunWithProgressBar(options, cancellationToken)
            : new KnowledgeBasePipeline().Run(options, cancellationToken: cancellationToken);
        var watch = Stopwatch.StartNew();
        var masked = PersonalDataMasker.Mask(result.Document, masking);
        return (result with { Document = masked }, watch.Elapsed);
    }

    private static PipelineResult RunWithProgressBar(KnowledgeBasePipelineOptions options, CancellationToken cancellationToken) =>
        Terminal.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var gate = new Lock();
                var progress = new SynchronousProgress<PipelineProgress>(p =>
                {
                    lock (gate)
                    {
                        if (!tasks.TryGetValue(p.Stage, out var task))
                        {
                            foreach (var earlier in tasks.Values)
                            {
                                earlier.Value = earlier.MaxValue;
                            }

                            tasks[p.Stage] = task = ctx.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                        }

                        task.Value = Math.Max(task.Value, p.Done);
                    }
                });
                var result = new KnowledgeBasePipeline().Run(options, progress, cancellationToken);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }

                return result;
            });

    // SOURCE_DATE_EPOCH (the reproducible-builds convention) pins generatedAt, so two builds give identical bytes. A value
    // that is no time (not whole seconds since 1970, or past year 9999) is said, not silently taken for "now".
    private static DateTimeOffset? ReproducibleBuildTime()
    {
        var value = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        Terminal.Problem($"kb build: WARNING: SOURCE_DATE_EPOCH '{value}' is not a number of seconds since 1970-01-01: generatedAt is the current time");
        return null;
    }
}
