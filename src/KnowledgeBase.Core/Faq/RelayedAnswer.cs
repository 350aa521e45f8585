using System.Text.RegularExpressions;

namespace KnowledgeBase.Core.Faq;

/// <summary>
/// A question message that carries its own answer: a talk's questions and the speaker's answers relayed to the group
/// (<c>问题：户账分离是怎么做的？ 回答：通过映射…</c>, <c>集群数量大概多少？ 答：60台</c>). The question is what comes before
/// the marker and the answer what follows it; read whole, the answer would be shown as part of the question, and the
/// entry would seem to have none of its own.
/// </summary>
internal static partial class RelayedAnswer
{
    // Shortest question before the marker: a word or two can be a label ("问题：", "Q："), not a question.
    private const int MinQuestionLength = 4;

    /// <summary>Splits a cleaned message text at the first answer marker (<c>答：</c>, <c>回答：</c>).</summary>
    /// <param name="text">The cleaned text of a question message.</param>
    /// <returns>
    /// The question and the relayed answer; the whole text and an empty answer when there is no marker, when it is not
    /// after question punctuation or a space (<c>我的回答：</c>, <c>乙回答：</c> are said, not relayed), or when either side
    /// would be (almost) empty.
    /// </returns>
    public static (string Question, string Answer) Split(string text)
    {
        var marker = Marker().Match(text);
        if (!marker.Success)
        {
            return (text, string.Empty);
        }

        var question = text[..marker.Index].TrimEnd();
        var answer = text[(marker.Index + marker.Length)..].Trim();
        return question.Length >= MinQuestionLength && answer.Length > 0 ? (question, answer) : (text, string.Empty);
    }

    // 答： or 回答： after a question's punctuation or white space, with the spaces around it.
    [GeneratedRegex(@"(?:(?<=[？?。！!…])|\s)\s*(?:回答|答)\s*[:：]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
