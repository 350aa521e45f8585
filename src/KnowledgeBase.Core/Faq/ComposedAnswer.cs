using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Faq;

/// <summary>An answer built from answering messages.</summary>
/// <param name="Text">One line per part, each attributed to its speaker, most informative first.</param>
/// <param name="Said">The same parts without attribution, for keywords.</param>
/// <param name="Experts">Who answered, most answers first.</param>
internal sealed record ComposedAnswer(string Text, string Said, IReadOnlyList<Expert> Experts);
