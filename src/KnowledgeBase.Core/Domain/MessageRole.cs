namespace KnowledgeBase.Core.Domain;

/// <summary>The part a message plays in an exchange.</summary>
public enum MessageRole
{
    /// <summary>The message asks (part of) the question.</summary>
    Question,

    /// <summary>The message answers the question.</summary>
    Answer,

    /// <summary>The message helps a reader follow the thread but does not answer it.</summary>
    Context,
}
