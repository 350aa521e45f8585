using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Tests.Exchanges;

public sealed class DuplicateExportMergerTests
{
    private readonly DuplicateExportMerger _merger = new();

    [Fact]
    public void A_repeat_under_another_speaker_within_two_seconds_and_three_messages_is_a_twin()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "杜雷", "有人对接过银联吗"),         // 0
            ("09:00:01", "Ann", "早"),                       // 1
            ("09:00:01", "Bob", "早上好"),                   // 2
            ("09:00:02", "杜雷-乐天-技术", "有人对接过银联吗")); // 3 -> 0: three messages on, two seconds later

        Assert.Equal([-1, -1, -1, 0], _merger.FindTwins(day));
    }

    [Fact]
    public void Crossing_pairs_are_both_found()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "Ann", "hello all"),       // 0
            ("09:00:00", "Bob", "first"),           // 1
            ("09:00:02", "Ann (2)", "hello all"),   // 2 -> 0
            ("09:00:02", "Bob (2)", "first"));      // 3 -> 1: crosses the pair 0-2

        Assert.Equal([-1, -1, 0, 1], _merger.FindTwins(day));
    }

    [Fact]
    public void A_repeat_by_the_same_speaker_is_not_a_twin()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "Ann", "在吗"),
            ("09:00:01", "Ann", "在吗"));

        Assert.Equal([-1, -1], _merger.FindTwins(day));
    }

    [Fact]
    public void A_repeat_four_messages_apart_is_not_a_twin()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "Ann", "同问"),   // 0
            ("09:00:00", "Bob", "a"),      // 1
            ("09:00:00", "Cat", "b"),      // 2
            ("09:00:01", "Dan", "c"),      // 3
            ("09:00:01", "Eve", "同问"));  // 4: four messages after 0

        Assert.Equal([-1, -1, -1, -1, -1], _merger.FindTwins(day));
    }

    [Fact]
    public void A_repeat_three_seconds_later_is_not_a_twin()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "Ann", "同问"),
            ("09:00:03", "Bob", "同问"));

        Assert.Equal([-1, -1], _merger.FindTwins(day));
    }

    [Fact]
    public void A_message_is_the_twin_of_at_most_one_other()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "Ann", "+1"),    // 0
            ("09:00:01", "Bob", "+1"),    // 1 -> 0
            ("09:00:01", "Cat", "+1"));   // 2: 0 is taken and 1 is itself a twin

        Assert.Equal([-1, 0, -1], _merger.FindTwins(day));
    }

    [Fact]
    public void Empty_bodies_are_never_twins()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "Ann", ""),
            ("09:00:00", "Bob", ""));

        Assert.Equal([-1, -1], _merger.FindTwins(day));
    }

    [Fact]
    public void AliasPairs_names_the_first_speaker_then_the_twin_speaker_once_per_merged_message()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "杜雷", "有人对接过银联吗"),
            ("09:00:01", "杜雷-乐天-技术", "有人对接过银联吗"),
            ("09:00:30", "Bob", "有"),
            ("09:00:31", "Bob-银联-技术", "有"),
            ("09:01:00", "杜雷", "多谢"),
            ("09:01:00", "杜雷-乐天-技术", "多谢"));

        Assert.Equal(
            [("杜雷", "杜雷-乐天-技术"), ("Bob", "Bob-银联-技术"), ("杜雷", "杜雷-乐天-技术")],
            _merger.AliasPairs(day).ToList());
    }

    [Fact]
    public void AliasPairs_is_empty_for_a_day_without_twins()
    {
        var day = ChatMessages.Sequence(
            ("09:00:00", "Ann", "hello"),
            ("09:00:01", "Bob", "hi"));

        Assert.Empty(_merger.AliasPairs(day));
    }

    [Fact]
    public void A_mention_of_a_twins_nick_addresses_the_speaker_of_the_folded_turn()
    {
        var day = ChatMessages.Prepare(
            ("10:00:00", "张三", "请问备付金账户怎么开？"),
            ("10:00:01", "张三-天下支付-PM", "请问备付金账户怎么开？"),
            ("10:01:00", "李四", "@张三-天下支付-PM 去找存管银行"));

        Assert.Equal(2, day.Turns.Count);
        Assert.Equal(["张三"], day.Addressees[1]);
    }
}
