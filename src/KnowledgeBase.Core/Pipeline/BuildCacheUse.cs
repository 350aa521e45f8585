namespace KnowledgeBase.Core.Pipeline;

/// <summary>How a build used its cache.</summary>
/// <param name="Path">The cache file.</param>
/// <param name="Hits">Records reused (a file's reading and its exchanges count separately).</param>
/// <param name="Misses">Records computed afresh.</param>
/// <param name="Dropped">Records of files no longer in the input (or changed since), removed.</param>
/// <param name="Replaced">Why an unusable cache file was replaced, when it was.</param>
public sealed record BuildCacheUse(string Path, int Hits, int Misses, int Dropped, string? Replaced);
