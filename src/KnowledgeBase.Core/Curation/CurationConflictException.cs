namespace KnowledgeBase.Core.Curation;

/// <summary>
/// A save based on a stale version of an entry: someone else (or a build) changed it in between. Nothing was written;
/// the message says who changed it and when, so the reviewer can reload and redo the change.
/// </summary>
public sealed class CurationConflictException : CurationException
{
    /// <summary>Creates the exception.</summary>
    public CurationConflictException()
    {
    }

    /// <summary>Creates the exception with a message for a person.</summary>
    /// <param name="message">What conflicted.</param>
    public CurationConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What conflicted.</param>
    /// <param name="innerException">The cause.</param>
    public CurationConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The entry whose version did not match.</summary>
    public string EntryId { get; init; } = string.Empty;

    /// <summary>The version the caller based its change on.</summary>
    public int ExpectedVersion { get; init; }

    /// <summary>The entry's version in the store.</summary>
    public int ActualVersion { get; init; }
}
