namespace KnowledgeBase.Core.Segmentation;

/// <summary>A dictionary or stop-word file is malformed, or jieba.NET cannot be set up as asked.</summary>
public sealed class SegmenterException : Exception
{
    /// <summary>Creates an exception without a message.</summary>
    public SegmenterException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, naming the file and line where there is one.</param>
    public SegmenterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong, naming the file and line where there is one.</param>
    /// <param name="innerException">The cause.</param>
    public SegmenterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
