using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Tests.Topics;

public sealed class TopicIdMatcherTests
{
    [Fact]
    public void Without_a_previous_build_the_ids_stay_size_ranks()
    {
        var build = Build(("t01", ["a", "b", "c"]), ("t02", ["d"]));

        Assert.Same(build, TopicIdMatcher.KeepIds(build, null));
        Assert.Same(build, TopicIdMatcher.KeepIds(build, Previous([])));
    }

    [Fact]
    public void Each_topic_takes_the_id_of_the_previous_topic_it_shares_most_exchanges_with()
    {
        // Size ranks moved: the largest topic now is what t03 was; the old t01 lost most of its exchanges.
        var build = Build(("t01", ["e5", "e6", "e7", "e1"]), ("t02", ["e2", "e3"]), ("t03", ["e8"]));
        var previous = Previous([("e1", "t01"), ("e2", "t01"), ("e3", "t01"), ("e5", "t03"), ("e6", "t03"), ("e7", "t02"), ("e9", "t02")]);

        var kept = TopicIdMatcher.KeepIds(build, previous);

        // Largest overlap first: {e5,e6}→t03 and {e2,e3}→t01 (2 each, the larger new topic first); t02 shares e7 only
        // with the topic that took t03, so it is not reused, and {e8} gets a number never used: t04.
        Assert.Equal(["t03", "t01", "t04"], kept.Topics.Select(t => t.Id));
        Assert.Equal(["t03", "t03", "t03", "t03", "t01", "t01", "t04"], kept.Exchanges.Select(e => e.TopicId));
        Assert.Equal(["t03", "t01", "t04"], kept.Entries.Select(e => e.TopicId));
    }

    [Fact]
    public void One_previous_topic_gives_its_id_to_one_new_topic_only_the_larger_on_a_tie()
    {
        var build = Build(("t01", ["e1", "e3", "e4"]), ("t02", ["e2"]));
        var previous = Previous([("e1", "t05"), ("e2", "t05")]);

        var kept = TopicIdMatcher.KeepIds(build, previous);

        Assert.Equal(["t05", "t06"], kept.Topics.Select(t => t.Id));
    }

    [Fact]
    public void New_ids_skip_every_number_the_output_ever_used()
    {
        var build = Build(("t01", ["e1"]), ("t02", ["e2"]));
        var previous = Previous([("e1", "t02")], used: ["t02", "t09", "t11"]);

        var kept = TopicIdMatcher.KeepIds(build, previous);

        Assert.Equal(["t02", "t12"], kept.Topics.Select(t => t.Id));
    }

    [Fact]
    public void A_topic_the_previous_build_leaves_without_an_id_takes_the_one_its_exchanges_had_earlier()
    {
        // A day was removed (its topic t04 went) and is back: its exchanges bring back t04.
        var build = Build(("t01", ["e1", "e2"]), ("t02", ["e3"]));
        var previous = Previous([("e1", "t01"), ("e2", "t01")], used: ["t01", "t04"]) with
        {
            EarlierTopicOfExchange = new Dictionary<string, string>(StringComparer.Ordinal) { ["e3"] = "t04", ["e1"] = "t07" },
        };

        var kept = TopicIdMatcher.KeepIds(build, previous);

        Assert.Equal(["t01", "t04"], kept.Topics.Select(t => t.Id));
    }

    [Fact]
    public void An_entry_moved_to_a_topic_no_build_produces_any_more_keeps_it_listed_with_its_last_label()
    {
        var build = Build(("t01", ["e1"]));
        build = build with { Entries = [build.Entries[0] with { TopicId = "t04" }] };
        Topic[] known = [new("t01", "旧的 t01", ["旧"], 3), new("t04", "对账", ["对账"], 2)];

        var listed = build.WithTopicsOfEntries(known);

        Assert.Equal(["t01", "t04"], listed.Topics.Select(t => t.Id));
        Assert.Equal(("对账", 0), (listed.Topics[1].Label, listed.Topics[1].ExchangeCount));
        Assert.Equal(["对账"], listed.Topics[1].Keywords);
        Assert.Same(listed, listed.WithTopicsOfEntries(known));
    }

    private static PreviousTopics Previous((string Exchange, string Topic)[] topics, string[]? used = null) => new(
        topics.ToDictionary(p => p.Exchange, p => p.Topic, StringComparer.Ordinal),
        used ?? topics.Select(p => p.Topic).Distinct().ToArray());

    // Topics in size order as the clusterer gives them, one entry per topic.
    private static KnowledgeBaseDocument Build(params (string Id, string[] Exchanges)[] topics) => new(
        KnowledgeBaseDocument.CurrentSchemaVersion,
        DateTimeOffset.UnixEpoch,
        new InputSummary("in", 1, 1, 0),
        topics.Select(t => new Topic(t.Id, "label " + t.Id, [], t.Exchanges.Length)).ToList(),
        topics.SelectMany(t => t.Exchanges.Select(e => new Exchange(e, "g/2024-03-05-chat.md", [], 0.5, t.Id))).ToList(),
        topics.Select(t => new FaqEntry("q" + t.Id, t.Id, "问题", "回答", t.Exchanges, "candidate", [], [], 0.5, [])).ToList());
}
