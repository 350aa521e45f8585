using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Evaluation;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Tests.Export;
using KnowledgeBase.Core.Tests.Segmentation;
using KnowledgeBase.Core.Topics;
using Xunit.Abstractions;

namespace KnowledgeBase.Core.Tests.Topics;

/// <summary>
/// Topics of the hand-labelled exchanges of the training days (data/labels, split "train"), compared with the labellers'
/// topics. The exchanges are the labelled ones, so the figures measure clustering alone, without the exchange detector.
/// </summary>
public sealed class TopicClustererLabelledDaysTests(SegmenterFixture fixture, ITestOutputHelper output) : IClassFixture<SegmenterFixture>
{
    private readonly ChineseSegmenter segmenter = fixture.Segmenter;

    [CorpusFact]
    public void Topics_of_labelled_exchanges_agree_with_the_labellers_well_above_chance()
    {
        var labels = RepositoryFolder.Combine("data", "labels");
        var (train, _) = LabelledDayLoader.ReadSplit(labels);
        var days = LabelledDayLoader.Load(labels, SegmentationCorpus.Directory!, train);
        var (exchanges, gold) = Exchanges(days);

        var result = new TopicClusterer(segmenter).Cluster(exchanges);
        var predicted = result.Exchanges.Select(e => e.TopicId).ToList();
        var nmi = TopicAgreement.NormalizedMutualInformation(predicted, gold);
        var ari = TopicAgreement.AdjustedRandIndex(predicted, gold);
        var shuffled = TopicAgreement.NormalizedMutualInformation([.. predicted.OrderBy(_ => Random.Shared.Next())], gold);
        output.WriteLine($"{exchanges.Count} exchanges of {days.Count} days, {result.Topics.Count} topics (sizes {string.Join(' ', result.Topics.Select(t => t.ExchangeCount))}): NMI {nmi:F3} (shuffled {shuffled:F3}), ARI {ari:F3}");

        // NMI of topics this many and this small is never near 0: the same sizes shuffled score about 0.1 to 0.15.
        Assert.InRange(nmi, shuffled + 0.1, 1.0);
        // Word vectors learned from the exchanges are what lifts the topics above LSA alone, at the same count.
        var lsaOnly = new TopicClusterer(segmenter, new TopicClustererOptions { TopicCount = result.Topics.Count, WordVectorWeight = 0 }).Cluster(exchanges);
        var lsaNmi = TopicAgreement.NormalizedMutualInformation(lsaOnly.Exchanges.Select(e => e.TopicId).ToList(), gold);
        output.WriteLine($"LSA alone at {result.Topics.Count} topics: NMI {lsaNmi:F3}");
        Assert.True(nmi > lsaNmi + 0.02, $"NMI {nmi:F3} with word vectors, {lsaNmi:F3} without");
        Assert.All(result.Topics, t => Assert.True(t.ExchangeCount <= 0.25 * exchanges.Count, $"{t.Id} holds {t.ExchangeCount}"));
        Assert.All(result.Topics, t => Assert.InRange(t.Keywords.Count, 3, 6));
    }

    [CorpusFact]
    public void A_line_added_above_the_questions_leaves_every_topic_as_it_was()
    {
        // A message added at the top of a day moves every later header down a line, and exchange ids hash the line: the
        // same exchanges come back with new ids. Their topics must not move.
        var labels = RepositoryFolder.Combine("data", "labels");
        var (train, _) = LabelledDayLoader.ReadSplit(labels);
        var days = LabelledDayLoader.Load(labels, SegmentationCorpus.Directory!, train);
        var (exchanges, _) = Exchanges(days);
        var shifted = exchanges.Select(e => e with
        {
            Id = "moved-" + new string([.. e.Id.Reverse()]),
            Messages = [.. e.Messages.Select(m => m with { Message = m.Message with { Source = m.Message.Source with { Line = m.Message.Source.Line + 1 } } })],
        }).ToList();

        var before = new TopicClusterer(segmenter).Cluster(exchanges);
        var after = new TopicClusterer(segmenter).Cluster(shifted);

        var moved = before.Exchanges.Zip(after.Exchanges).Count(p => p.First.TopicId != p.Second.TopicId);
        Assert.True(moved == 0, $"{moved} of {exchanges.Count} exchanges changed topic");
        Assert.Equal(before.Topics.Select(t => (t.Id, t.Label)), after.Topics.Select(t => (t.Id, t.Label)));
    }

    [CorpusFact]
    public void Days_added_to_a_build_move_no_topic_and_the_topics_stay_as_good()
    {
        // The previous build lacks every tenth day; the next one has them all and continues its topics.
        var labels = RepositoryFolder.Combine("data", "labels");
        var (train, _) = LabelledDayLoader.ReadSplit(labels);
        var days = LabelledDayLoader.Load(labels, SegmentationCorpus.Directory!, train);
        var (exchanges, gold) = Exchanges(days);
        var later = days.Where((_, i) => i % 10 == 9).Select(d => d.Day.Path).ToHashSet(StringComparer.Ordinal);
        var earlier = new TopicClusterer(segmenter).Cluster([.. exchanges.Where(e => !later.Contains(e.Path))]);
        var previous = new PreviousTopics(earlier.Exchanges.ToDictionary(e => e.Id, e => e.TopicId!, StringComparer.Ordinal), [.. earlier.Topics.Select(t => t.Id)]);

        var continued = new TopicClusterer(segmenter).Cluster(exchanges, previous);
        var fresh = new TopicClusterer(segmenter).Cluster(exchanges);

        // The clusterer numbers topics by size (the build then keeps their ids), so partitions are compared, not ids.
        var before = earlier.Exchanges.ToDictionary(e => e.Id, e => e.TopicId);
        var known = exchanges.Where(e => before.ContainsKey(e.Id)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        double Kept(TopicClusteringResult result)
        {
            var after = result.Exchanges.Where(e => known.Contains(e.Id)).ToList();
            return TopicAgreement.NormalizedMutualInformation([.. after.Select(e => e.TopicId)], [.. after.Select(e => before[e.Id])]);
        }

        Assert.True(continued.Selection.Continued);
        Assert.Equal(earlier.Topics.Count, continued.Selection.Chosen);
        Assert.Equal(earlier.Topics.Count, continued.Topics.Count);
        Assert.Equal(1.0, Kept(continued), 6);
        var nmi = TopicAgreement.NormalizedMutualInformation(continued.Exchanges.Select(e => e.TopicId).ToList(), gold);
        var freshNmi = TopicAgreement.NormalizedMutualInformation(fresh.Exchanges.Select(e => e.TopicId).ToList(), gold);
        output.WriteLine(
            $"{exchanges.Count - known.Count} exchanges of {later.Count} days added to {known.Count}: NMI with the labellers {nmi:F3} continued, {freshNmi:F3} afresh; " +
            $"NMI of the known exchanges' topics before and after: 1 continued, {Kept(fresh):F3} afresh");
        Assert.InRange(nmi, freshNmi - 0.03, 1.0);
    }

    private static (List<Exchange> Exchanges, List<string?> Topics) Exchanges(IReadOnlyList<LabelledDay> days)
    {
        var exchanges = new List<Exchange>();
        var topics = new List<string?>();
        foreach (var day in days)
        {
            var byLine = day.Day.Messages.ToDictionary(m => m.Source.Line);
            foreach (var labelled in day.Labels.Exchanges)
            {
                var messages = labelled.Questions.Select(l => new ExchangeMessage(byLine[l], MessageRole.Question))
                    .Concat(labelled.Answers.Select(l => new ExchangeMessage(byLine[l], MessageRole.Answer)))
                    .OrderBy(m => m.Message.Source.Line)
                    .ToList();
                exchanges.Add(new Exchange($"{day.Day.Path}#{labelled.Questions[0]}", day.Day.Path, messages, 1.0));
                topics.Add(labelled.Topic);
            }
        }

        return (exchanges, topics);
    }
}
