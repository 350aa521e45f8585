namespace KnowledgeBase.Core.Curation;

/// <summary>
/// The file given as a review store cannot be used as one: it is missing (where it must exist), not a SQLite database,
/// a SQLite database of something else, damaged, or written by a newer kb. The message names the file and says what is
/// wrong in words; a store that is not one is left as it was.
/// </summary>
public sealed class CurationStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CurationStoreException()
    {
    }

    /// <summary>Creates the exception with a message for a person.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public CurationStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the SQLite error behind it.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The cause.</param>
    public CurationStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
