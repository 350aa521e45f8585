namespace KnowledgeBase.Core.Segmentation;

/// <summary>A run of text: either one token that must stay whole, or plain text for jieba.</summary>
/// <param name="Text">The text.</param>
/// <param name="IsProtected">True for an emoji, a WeChat emoji code or a URL, which jieba would cut apart.</param>
internal readonly record struct TextPiece(string Text, bool IsProtected);
