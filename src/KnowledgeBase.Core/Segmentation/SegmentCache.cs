using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace KnowledgeBase.Core.Segmentation;

/// <summary>
/// A bounded, thread-safe cache of segmented texts, so repeated chat lines (<c>签到</c>, <c>[强]</c>, stickers) are cut
/// once. Two generations approximate LRU without a lock on the read path: new entries go to the current generation;
/// when it is full it becomes the previous one and the old previous one is dropped; a hit in the previous generation is
/// copied forward. At most about <c>capacity</c> entries are held.
/// </summary>
internal sealed class SegmentCache
{
    private readonly int _generationCapacity;
    private readonly int _maxTextLength;
    private readonly Lock _rotateGate = new();
    private Generation _current = new();
    private Generation _previous = new();

    /// <summary>Creates a cache.</summary>
    /// <param name="capacity">Most entries held; 0 or less turns the cache off.</param>
    /// <param name="maxTextLength">Longest text cached.</param>
    public SegmentCache(int capacity, int maxTextLength)
    {
        _generationCapacity = Math.Max(0, capacity / 2);
        _maxTextLength = maxTextLength;
    }

    /// <summary>Entries held now (both generations, a key held in both counted twice).</summary>
    public int Count => Volatile.Read(ref _current).Count + Volatile.Read(ref _previous).Count;

    /// <summary>Looks up the tokens of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens, when cached.</param>
    /// <returns>Whether it was cached.</returns>
    public bool TryGet(string text, [NotNullWhen(true)] out IReadOnlyList<string>? tokens)
    {
        tokens = null;
        if (!IsCacheable(text))
        {
            return false;
        }

        if (Volatile.Read(ref _current).Entries.TryGetValue(text, out tokens))
        {
            return true;
        }

        if (!Volatile.Read(ref _previous).Entries.TryGetValue(text, out tokens))
        {
            return false;
        }

        Add(text, tokens);
        return true;
    }

    /// <summary>Caches the tokens of <paramref name="text"/>, when it is short enough.</summary>
    /// <param name="text">The text.</param>
    /// <param name="tokens">Its tokens; the caller must not change them afterwards.</param>
    public void Add(string text, IReadOnlyList<string> tokens)
    {
        if (!IsCacheable(text))
        {
            return;
        }

        var generation = Volatile.Read(ref _current);
        if (generation.Entries.TryAdd(text, tokens) && Interlocked.Increment(ref generation.Count) >= _generationCapacity)
        {
            Rotate(generation);
        }
    }

    private bool IsCacheable(string text) => _generationCapacity > 0 && text.Length <= _maxTextLength;

    private void Rotate(Generation full)
    {
        lock (_rotateGate)
        {
            if (!ReferenceEquals(_current, full))
            {
                return;
            }

            Volatile.Write(ref _previous, full);
            Volatile.Write(ref _current, new Generation());
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, IReadOnlyList<string>> Entries = new(StringComparer.Ordinal);
        public int Count;
    }
}
