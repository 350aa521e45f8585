using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Faq;

/// <summary>An exchange with its cleaned question and the question's content words.</summary>
/// <param name="Exchange">The exchange.</param>
/// <param name="Question">The cleaned question.</param>
/// <param name="Words">Distinct content words of the question.</param>
internal sealed record AskedQuestion(Exchange Exchange, string Question, IReadOnlySet<string> Words);
