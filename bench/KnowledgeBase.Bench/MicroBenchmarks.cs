using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Bench;

/// <summary>
/// Micro-benchmarks of the reader, the segmenter and the exchange finder (question detector and reply linker) on one
/// busy corpus day (the largest file, or <c>KB_BENCH_DAY</c>). In-process and short, so they fit a loaded 2-core machine.
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class MicroBenchmarks : IDisposable
{
    private ChatLogReader reader = null!;
    private ChineseSegmenter segmenter = null!;
    private ChineseSegmenter uncachedSegmenter = null!;
    private ExchangeFinder finder = null!;
    private byte[] content = [];
    private ChatDay day = null!;
    private string[] bodies = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("KB_BENCH_DAY") is { Length: > 0 } chosen ? chosen : LargestCorpusDay();
        content = File.ReadAllBytes(path);
        reader = new ChatLogReader();
        day = reader.Read("bench/" + Path.GetFileName(path), content).Day;
        bodies = day.Messages.Select(message => message.Body).Where(body => body.Length > 0).ToArray();
        segmenter = ChineseSegmenter.Load();
        uncachedSegmenter = ChineseSegmenter.Load(new ChineseSegmenterOptions { CacheCapacity = 0 });
        var directory = new SpeakerDirectoryBuilder();
        directory.Observe(day.Messages);
        finder = new ExchangeFinder(ExchangeModels.Load(Path.Combine(AppContext.BaseDirectory, "models")), segmenter, directory.Build());
    }

    /// <summary>Reads the day's bytes: decoding, front matter, headers, bodies.</summary>
    [Benchmark]
    public int ReadDay() => reader.Read("bench/day.markdown", content).Day.Messages.Count;

    /// <summary>Segments every body of the day with the cache, as kb build does.</summary>
    [Benchmark]
    public int SegmentDayCached()
    {
        var count = 0;
        foreach (var body in bodies)
        {
            count += segmenter.Segment(body).Count;
        }

        return count;
    }

    /// <summary>Segments every body of the day through jieba.NET each time.</summary>
    [Benchmark]
    public int SegmentDayUncached()
    {
        var count = 0;
        foreach (var body in bodies)
        {
            count += uncachedSegmenter.Segment(body).Count;
        }

        return count;
    }

    /// <summary>Finds the day's exchanges: question detection, then linking each question to its replies.</summary>
    [Benchmark]
    public int FindExchanges() => finder.Find(day).Count;

    [GlobalCleanup]
    public void Dispose()
    {
        finder?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string LargestCorpusDay()
    {
        var corpus = Environment.GetEnvironmentVariable("KB_BENCH_CORPUS") ?? throw new InvalidOperationException("set KB_BENCH_CORPUS or KB_BENCH_DAY");
        return ChatLogFinder.Find(corpus).Files.Select(file => new FileInfo(file.FullPath)).MaxBy(file => file.Length)!.FullName;
    }

    /// <summary>BenchmarkDotNet's short run, in process: no generated project to build on a busy machine.</summary>
    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
