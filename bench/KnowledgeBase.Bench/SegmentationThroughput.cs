using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Bench;

/// <summary>
/// Segments every line of the message text with the project's <see cref="ChineseSegmenter"/> and prints one
/// <c>RESULT name bytes seconds tokens</c> line for bench/run.sh. Loading the dictionaries is timed apart, as for
/// the Python and Node runs.
/// </summary>
internal static class SegmentationThroughput
{
    public static int Run(string textFile, bool noCache, int threads)
    {
        var lines = File.ReadAllLines(textFile, Encoding.UTF8);
        var bytes = new FileInfo(textFile).Length;
        var load = Stopwatch.StartNew();

        // Without the cache every message is cut by jieba.NET, as the peers do; with it, repeated chat text
        // (签到, [强], stickers) is cut once, as in kb build.
        var segmenter = ChineseSegmenter.Load(noCache ? new ChineseSegmenterOptions { CacheCapacity = 0 } : null);
        segmenter.Segment("预热");
        load.Stop();

        var tokens = 0L;
        var clock = Stopwatch.StartNew();
        if (threads <= 1)
        {
            foreach (var line in lines)
            {
                tokens += segmenter.Segment(line).Count;
            }
        }
        else
        {
            Parallel.ForEach(
                lines,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => 0L,
                (line, _, count) => count + segmenter.Segment(line).Count,
                count => Interlocked.Add(ref tokens, count));
        }

        clock.Stop();
        var name = $"kb ChineseSegmenter (jieba.NET{(noCache ? ", no cache" : ", cache")}, {threads} thread{(threads == 1 ? "" : "s")})";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT\t{name}\t{bytes}\t{clock.Elapsed.TotalSeconds:0.000}\t{tokens}\tload {load.Elapsed.TotalSeconds:0.0} s"));
        return 0;
    }
}
