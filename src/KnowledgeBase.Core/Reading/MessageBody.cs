using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Reading;

/// <summary>A message body read by <see cref="MessageBodyParser"/>.</summary>
/// <param name="Text">The body with entities decoded and trimmed.</param>
/// <param name="Kind">What the message carries.</param>
/// <param name="Mentions">Names mentioned in the message's own words (the reply, for a quoted reply).</param>
/// <param name="Quote">The quoted reply, when the body is one.</param>
public sealed record MessageBody(string Text, MessageKind Kind, IReadOnlyList<string> Mentions, QuotedReply? Quote);
