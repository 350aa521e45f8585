using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Tests.Exchanges;

[Collection(CorpusCollectionDefinition.Name)]
public sealed class ThreadContextTests(CorpusFixture corpus)
{
    [Fact]
    public void What_the_asker_adds_between_the_answers_and_their_thanks_after_them_are_context()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "A", "备付金账户可以开在几家银行？"),
            ("10:01:00", "B", "存管银行一家，合作银行可以多家"),
            ("10:02:00", "A", "我说的是收单机构"),
            ("10:03:00", "C", "收单机构也一样"),
            ("10:04:00", "D", "今天深圳下雨了"),
            ("10:05:00", "A", "明白了，谢谢"),
            ("10:06:00", "A", "那清算呢"));

        var context = Assert.Single(ThreadContext.Of(day, [Found(day, [0], [1, 3])]));

        // The bystander's weather is not the thread's, and the asker's next ask after the thanks is no thanks.
        Assert.Equal([2, 5], context);
    }

    [Fact]
    public void The_asker_saying_something_else_after_the_last_answer_is_not_context()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "A", "备付金账户可以开在几家银行？"),
            ("10:01:00", "B", "存管银行一家，合作银行可以多家"),
            ("10:02:00", "A", "我们下周开会讨论"),
            ("10:03:00", "A", "谢谢"));

        // Only the asker's first word after the last answer is taken, and only when it acknowledges the answer.
        Assert.Empty(Assert.Single(ThreadContext.Of(day, [Found(day, [0], [1])])));
    }

    [Fact]
    public void The_message_an_answer_replies_to_by_mention_is_context()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "A", "二清怎么界定？"),
            ("10:01:00", "B", "平台先收钱再分账就是二清"),
            ("10:02:00", "C", "加盟店也算吗，不是同一个主体吗"),
            ("10:03:00", "D", "今天深圳下雨了"),
            ("10:04:00", "B", "@C 加盟店不是同一个法人，也算"));

        Assert.Equal([2], Assert.Single(ThreadContext.Of(day, [Found(day, [0], [1, 4])])));
    }

    [Fact]
    public void Messages_another_exchange_asks_or_answers_with_and_echoes_are_not_context()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "A", "备付金账户可以开在几家银行？"),
            ("10:01:00", "B", "存管银行一家，合作银行可以多家"),
            ("10:02:00", "A", "网联的手续费怎么收？"),
            ("10:03:00", "C", "按笔收，万分之三左右"),
            ("10:04:00", "A", "按笔收，万分之三左右"),
            ("10:05:00", "B", "合作银行没有数量限制"));

        var contexts = ThreadContext.Of(day, [Found(day, [0], [1, 5]), Found(day, [2], [3])]);

        // Line 2 is the second exchange's question; line 4 echoes C word for word.
        Assert.True(day.Turns[4].Echo);
        Assert.All(contexts, Assert.Empty);
    }

    [Fact]
    public void An_unanswered_question_keeps_nothing_the_asker_adds()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "A", "备付金账户可以开在几家银行？"),
            ("10:02:00", "A", "我说的是收单机构"));

        Assert.Empty(Assert.Single(ThreadContext.Of(day, [Found(day, [0], [])])));
    }

    [Fact]
    public void The_message_a_question_that_points_back_follows_up_on_is_context_whatever_else_it_does()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "A", "备付金账户可以开在几家银行？"),
            ("10:01:00", "B", "存管银行一家，备付金合作银行可以多家"),
            ("10:01:30", "C", "哈哈"),
            ("10:02:00", "C", "那合作银行之间的备付金怎么划拨？"),
            ("10:03:00", "B", "跨行划拨要报备"));

        var contexts = ThreadContext.Of(day, [Found(day, [0], [1]), Found(day, [3], [4])]);

        // B's answer to A is what C's 那… follows up on; C's own 哈哈 in between says nothing.
        Assert.Equal([[], [1]], contexts);
    }

    [Theory]
    [InlineData("这个公司有支付牌照吗？", "这家公司刚拿了融资，准备做支付", 0)]
    [InlineData("@B 他们公司有支付牌照吗？", "这家公司刚拿了融资，准备做支付", 0)]
    [InlineData("嗯，那这个公司有支付牌照吗？", "这家公司刚拿了融资，准备做支付", 0)]
    [InlineData("这个公司有支付牌照吗？", "今天深圳下雨了，大家出门带伞", null)]
    [InlineData("这边公司有支付牌照吗？", "这家公司刚拿了融资，准备做支付", null)]
    [InlineData("请问公司有支付牌照吗？", "这家公司刚拿了融资，准备做支付", null)]
    public void Only_a_question_that_points_back_follows_up_and_only_on_a_message_that_shares_a_word(string question, string before, int? followed)
    {
        var day = ChatMessages.Prepare(("10:00:00", "B", before), ("10:01:00", "A", question));

        Assert.Equal(followed, ThreadContext.FollowedUp(day, QuestionGroup.Of(day, [1])));
    }

    [Fact]
    public void The_askers_own_message_is_not_what_they_follow_up_on()
    {
        var day = ChatMessages.Prepare(("10:00:00", "B", "这家公司刚拿了融资，准备做支付"), ("10:00:30", "A", "打扰一下，想了解这家公司的支付牌照和收单业务"), ("10:01:00", "A", "这个公司有支付牌照吗？"));

        Assert.Null(ThreadContext.FollowedUp(day, QuestionGroup.Of(day, [2])));
    }

    [Fact]
    public void A_message_long_before_is_not_followed_up_on()
    {
        var day = ChatMessages.Prepare(("10:00:00", "B", "这家公司刚拿了融资，准备做支付"), ("10:04:00", "A", "这个公司有支付牌照吗？"));

        Assert.Null(ThreadContext.FollowedUp(day, QuestionGroup.Of(day, [1])));
    }

    [CorpusFact]
    public void On_the_seed_day_context_neither_asks_nor_answers_and_stays_out_of_the_entries_sources()
    {
        var day = CorpusFixture.ReadDay("proddev/2018-03-05-chat.markdown");

        var exchanges = corpus.Finder.Find(day);

        // What a question follows up on (context before it) may ask or answer elsewhere; the rest of context never does.
        var context = exchanges.SelectMany(e => e.Messages.SkipWhile(m => m.Role != MessageRole.Question)).Where(m => m.Role == MessageRole.Context).ToList();
        Assert.NotEmpty(context);
        var cited = exchanges.SelectMany(e => e.Messages).Where(m => m.Role != MessageRole.Context).Select(m => m.Message.Source).ToHashSet();
        Assert.All(context, m => Assert.DoesNotContain(m.Message.Source, cited));
        foreach (var exchange in exchanges.Where(e => e.Messages.Any(m => m.Role == MessageRole.Context)))
        {
            // Context comes between the question and the last answer, or is the asker's acknowledgement of it, or is the one
            // message before the question it follows up on.
            var lines = exchange.Messages.Select(m => m.Message.Source.Line).ToList();
            Assert.Equal(lines.Order(), lines);
            Assert.Equal(MessageRole.Question, exchange.Messages.SkipWhile(m => m.Role == MessageRole.Context).First().Role);
            Assert.True(exchange.Messages.TakeWhile(m => m.Role == MessageRole.Context).Count() <= 1);
        }
    }

    private static FoundExchange Found(DayTurns day, int[] question, int[] answers) =>
        new(QuestionGroup.Of(day, question), answers, 0.5);
}
