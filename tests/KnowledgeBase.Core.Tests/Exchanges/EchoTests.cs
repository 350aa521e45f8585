using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Tests.Exchanges;

[Collection(CorpusCollectionDefinition.Name)]
public sealed class EchoTests(CorpusFixture corpus)
{
    [Fact]
    public void Members_repeating_a_question_word_for_word_echo_it_and_ask_nothing()
    {
        var day = ChatMessages.Prepare(
            ("18:56:53", "曹伟", "龚老师，“轧差”怎么读？"),
            ("18:57:11", "钟", "龚老师，“轧差”怎么读？"),
            ("18:57:25", "程超", "龚老师，“轧差”怎么读？"),
            ("18:57:49", "李桂明", "ga"));

        Assert.Equal([false, true, true, false], day.Turns.Select(t => t.Echo));
        Assert.Equal([true, false, false, false], day.Turns.Select(ExchangeFinder.CanOpenQuestion));
        // The detector still reads the echoes, as neighbours of the first.
        Assert.True(ExchangeFinder.IsCandidateQuestion(day.Turns[1]));
        // However sure the detector were of an echo, it opens nothing.
        var groups = ExchangeFinder.GroupQuestions(day, [0.9f, 0.95f, 0.95f, 0f], threshold: 0.5);
        Assert.Equal([0], groups.Select(g => g.Group.First));
    }

    [Fact]
    public void Saying_the_same_again_or_other_words_is_no_echo()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "A", "有没有人做过跨境收单？"),
            ("10:05:00", "A", "有没有人做过跨境收单？"),
            ("10:06:00", "B", "有没有人做过跨境收单的牌照？"));

        Assert.All(day.Turns, t => Assert.False(t.Echo));
    }

    [Theory]
    [InlineData(DayTurns.EchoTurns - 1, true)]
    [InlineData(DayTurns.EchoTurns, false)]
    public void Only_a_repeat_within_the_echo_window_is_an_echo(int between, bool echo)
    {
        var messages = new List<(string, string, string)> { ("10:00:00", "A", "超级网银支持公对公7×24小时付款吗？") };
        messages.AddRange(Enumerable.Range(0, between).Select(i => ($"10:01:{i:00}", $"M{i}", $"第{i}条闲聊")));
        messages.Add(("10:20:00", "B", "超级网银支持公对公7×24小时付款吗？"));

        var day = ChatMessages.Prepare([.. messages]);

        Assert.Equal(echo, day.Turns[^1].Echo);
    }

    [Fact]
    public void Twins_of_a_merged_day_are_folded_before_echoes_are_looked_for()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "杜雷", "清算和结算有什么区别？"),
            ("10:00:01", "杜雷-乐天-技术", "清算和结算有什么区别？"));

        var turn = Assert.Single(day.Turns);
        Assert.False(turn.Echo);
        Assert.Single(turn.Duplicates);
    }

    [CorpusFact]
    public void On_the_seed_day_the_pronunciation_echoes_are_not_scored_as_questions()
    {
        var day = CorpusFixture.ReadDay("proddev/2018-03-05-chat.markdown");
        var lines = day.Messages.Select(m => m.Source.Line).ToList();

        var (probabilities, exchanges) = corpus.Finder.Inspect(day);

        // 曹伟 asks how 轧差 is read (line 377); 钟 and 程超 repeat it word for word.
        Assert.NotNull(probabilities[lines.IndexOf(377)]);
        Assert.Null(probabilities[lines.IndexOf(381)]);
        Assert.Null(probabilities[lines.IndexOf(385)]);
        Assert.DoesNotContain(exchanges, e => e.Questions.Any(q => q.Source.Line is 381 or 385));
    }
}
