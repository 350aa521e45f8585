namespace KnowledgeBase.Core.Domain;

/// <summary>A WeChat quoted reply: <c>「name：quoted text」 - - - - reply</c>.</summary>
/// <param name="Name">The quoted person's name as written inside the quote.</param>
/// <param name="QuotedText">The quoted text.</param>
/// <param name="Reply">The reply written after the dashes (may be empty).</param>
public sealed record QuotedReply(string Name, string QuotedText, string Reply);
