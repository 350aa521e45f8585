namespace KnowledgeBase.Core.Domain;

/// <summary>A message cited by an exchange, with its role.</summary>
/// <param name="Message">The message.</param>
/// <param name="Role">The part it plays.</param>
/// <param name="Duplicates">Other header lines carrying the same message (a day merged from two exports).</param>
public sealed record ExchangeMessage(ChatMessage Message, MessageRole Role, IReadOnlyList<SourceRef> Duplicates)
{
    /// <summary>Creates a cited message with no duplicates.</summary>
    /// <remarks>Internal, so that the primary constructor is the only public one (what JSON deserialization binds to).</remarks>
    internal ExchangeMessage(ChatMessage message, MessageRole role)
        : this(message, role, [])
    {
    }
}
