namespace KnowledgeBase.Core.Curation;

/// <summary>A curation action that cannot be carried out: an unknown entry, a bad argument, a merge of an entry into itself.</summary>
public class CurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CurationException()
    {
    }

    /// <summary>Creates the exception with a message for a person.</summary>
    /// <param name="message">What went wrong.</param>
    public CurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>For an id no entry has: the entry a build moved it to (its question is on another line or in another file now), if one did.</summary>
    public string? MovedTo { get; init; }

    /// <summary>The error for an id no entry of the store has, saying where a build moved it when one did.</summary>
    /// <param name="id">The id asked for.</param>
    /// <param name="movedTo">The entry's id now (<see cref="CurationStore.MovedTo"/>), or null.</param>
    /// <returns>The exception, its message starting "no entry".</returns>
    public static CurationException NoEntry(string id, string? movedTo) => movedTo is null
        ? new($"no entry {id} in the store")
        : new($"no entry {id} in the store: a build moved it to {movedTo} (its question is on another line or in another file now)") { MovedTo = movedTo };
}
