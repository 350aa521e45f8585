using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Segmentation;

public sealed class SegmentCacheTests
{
    [Fact]
    public void Cache_stays_within_its_capacity()
    {
        var cache = new SegmentCache(capacity: 100, maxTextLength: 50);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Add($"text {i}", [$"{i}"]);
        }

        Assert.InRange(cache.Count, 1, 100);
        Assert.True(cache.TryGet("text 9999", out var tokens));
        Assert.Equal(["9999"], tokens);
        Assert.False(cache.TryGet("text 0", out _));
    }

    [Fact]
    public void Cache_stays_within_its_capacity_under_parallel_use()
    {
        var cache = new SegmentCache(capacity: 1_000, maxTextLength: 50);

        Parallel.For(0, 100_000, i =>
        {
            var text = $"text {i % 5_000}";
            if (!cache.TryGet(text, out _))
            {
                cache.Add(text, [text]);
            }
        });

        Assert.InRange(cache.Count, 1, 1_100);
    }

    [Fact]
    public void Recently_read_entries_survive_a_rotation()
    {
        // two generations of three: the third add of a generation rotates it
        var cache = new SegmentCache(capacity: 6, maxTextLength: 50);
        cache.Add("签到", ["签到"]);
        cache.Add("a", ["a"]);
        cache.Add("b", ["b"]);

        Assert.True(cache.TryGet("签到", out _));
        cache.Add("c", ["c"]);
        cache.Add("d", ["d"]);

        Assert.True(cache.TryGet("签到", out _));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Long_texts_and_a_zero_capacity_are_not_cached()
    {
        var cache = new SegmentCache(capacity: 100, maxTextLength: 3);
        var off = new SegmentCache(capacity: 0, maxTextLength: 100);

        cache.Add("long text", ["long", "text"]);
        off.Add("签到", ["签到"]);

        Assert.False(cache.TryGet("long text", out _));
        Assert.False(off.TryGet("签到", out _));
        Assert.Equal(0, off.Count);
    }
}
