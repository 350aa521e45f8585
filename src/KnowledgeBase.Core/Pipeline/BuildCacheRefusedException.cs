namespace KnowledgeBase.Core.Pipeline;

/// <summary>
/// A build cache file that must not be used or touched: a sound SQLite database of another kind (the review store given
/// as the cache, another application's database). The build stops before it reads anything.
/// </summary>
public sealed class BuildCacheRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BuildCacheRefusedException()
    {
    }

    /// <summary>Creates the exception with a message for a person.</summary>
    /// <param name="message">What the file is and what to do.</param>
    public BuildCacheRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What the file is and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public BuildCacheRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
