using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Tests.Exchanges;

public sealed class QuestionContextTests
{
    // 0 A asks, 1 B replies with a question back, 2 A answers it, 3 C asks something new, 4 C adds a line.
    private static readonly DayTurns Day = ChatMessages.Prepare(
        ("10:00:00", "A", "请问备付金集中存管以后，跨行清算走哪个系统？"),
        ("10:00:30", "B", "你说的是哪种业务？"),
        ("10:01:00", "A", "网关支付的"),
        ("10:30:00", "C", "有没有人做过跨境收单？"),
        ("10:30:20", "C", "想了解一下牌照"));

    private static readonly float[] Text = [0.9f, 0.6f, 0.1f, 0.95f, 0.3f];

    [Fact]
    public void A_question_right_after_another_speakers_reads_as_a_reply()
    {
        var back = QuestionContext.Featurize(Day, Text, 1);

        Assert.Equal(0.9f, back[0]); // another speaker's question just before
        Assert.Equal(0.9f, back[1]);
        Assert.Equal(0f, back[2]); // B asked nothing before
        Assert.Equal(0f, back[4]); // A's question reads more like one
        Assert.Equal((float)Math.Log(2), back[5], 5); // the strong question is one turn back
    }

    [Fact]
    public void A_new_question_stands_out_and_sees_its_askers_next_line()
    {
        var fresh = QuestionContext.Featurize(Day, Text, 3);

        Assert.Equal(0.9f, fresh[0]); // within three turns, whatever the time gap
        Assert.Equal(0.9f, fresh[1]);
        Assert.Equal(1f, fresh[4]); // reads more like a question than anything around it
        Assert.Equal(0.3f, fresh[6]); // C's own next message
        Assert.Equal(0f, fresh[3]); // nobody else asks right after
    }

    [Fact]
    public void The_askers_own_earlier_question_counts_separately()
    {
        var reply = QuestionContext.Featurize(Day, Text, 2);

        Assert.Equal(0.9f, reply[2]); // A's own question two turns back
        Assert.Equal(0.6f, reply[0]); // B's question back
        Assert.Equal(0.95f, reply[3]); // C asks right after
        Assert.Equal(0f, reply[6]); // A says nothing more
    }

    [Fact]
    public void Nothing_strong_before_is_further_than_any_distance_looked_at()
    {
        var first = QuestionContext.Featurize(Day, Text, 0);

        Assert.Equal(0f, first[0]);
        Assert.True(first[5] > (float)Math.Log(1 + 30));
        Assert.Equal(QuestionContext.Count, first.Length);
    }
}
