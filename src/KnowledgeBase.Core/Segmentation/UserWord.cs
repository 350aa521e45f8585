namespace KnowledgeBase.Core.Segmentation;

/// <summary>One line of a jieba user dictionary.</summary>
/// <param name="Word">The word, without spaces.</param>
/// <param name="Frequency">jieba's frequency: higher keeps the word whole against the words it overlaps.</param>
/// <param name="Tag">Part-of-speech tag in jieba's (ICTCLAS) tag set, such as <c>n</c>, <c>nz</c>, <c>vn</c>, <c>eng</c>.</param>
internal sealed record UserWord(string Word, int Frequency, string Tag);
