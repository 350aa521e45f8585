using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class TopicAgreementTests
{
    private const int Digits = 12;

    [Fact]
    public void Identical_labelings_score_one()
    {
        string?[] labels = ["pay", "pay", "ops", "risk", "ops"];

        Assert.Equal(1.0, TopicAgreement.NormalizedMutualInformation(labels, labels), Digits);
        Assert.Equal(1.0, TopicAgreement.AdjustedRandIndex(labels, labels), Digits);
    }

    [Fact]
    public void Renamed_labels_are_the_same_partition()
    {
        string?[] gold = ["pay", "pay", "ops", "risk", "ops"];
        string?[] pred = ["7", "7", "None", "3", "None"];

        Assert.Equal(1.0, TopicAgreement.NormalizedMutualInformation(pred, gold), Digits);
        Assert.Equal(1.0, TopicAgreement.AdjustedRandIndex(pred, gold), Digits);
    }

    [Fact]
    public void Split_cluster_has_known_values()
    {
        // Contingency {a: x2 y1, b: y1 z2}. Pairs together: in both 2 (xx, zz), in gold 3+3 = 6, in pred 1+1+1 = 3,
        // out of C(6,2) = 15.
        // ARI = (2 - 6*3/15) / ((6+3)/2 - 6*3/15) = 0.8 / 3.3 = 8/33.
        // MI = 2 * (2/6) ln(2*6/(3*2)) = (2/3) ln 2; H(gold) = ln 2; H(pred) = ln 3; NMI = (4/3) ln 2 / ln 6.
        string?[] gold = ["a", "a", "a", "b", "b", "b"];
        string?[] pred = ["x", "x", "y", "y", "z", "z"];

        Assert.Equal(8.0 / 33.0, TopicAgreement.AdjustedRandIndex(pred, gold), Digits);
        Assert.Equal(4.0 / 3.0 * Math.Log(2) / Math.Log(6), TopicAgreement.NormalizedMutualInformation(pred, gold), Digits);
    }

    [Fact]
    public void Independent_labelings_have_no_information_and_ari_below_chance()
    {
        // Every pair is split by exactly one labeling: ARI = (0 - 2*2/6) / (2 - 2*2/6) = -1/2.
        string?[] xs = ["a", "a", "b", "b"];
        string?[] ys = ["c", "d", "c", "d"];

        Assert.Equal(0.0, TopicAgreement.NormalizedMutualInformation(xs, ys), Digits);
        Assert.Equal(-0.5, TopicAgreement.AdjustedRandIndex(xs, ys), Digits);
    }

    [Fact]
    public void Degenerate_labelings_score_zero_as_score_py_does()
    {
        string?[] one = ["a", "a", "a"];
        string?[] distinct = ["x", "y"];

        Assert.Equal(0.0, TopicAgreement.NormalizedMutualInformation([], []));
        Assert.Equal(0.0, TopicAgreement.AdjustedRandIndex(["a"], ["b"]));
        Assert.Equal(0.0, TopicAgreement.NormalizedMutualInformation(one, one));
        Assert.Equal(0.0, TopicAgreement.AdjustedRandIndex(one, one));
        Assert.Equal(1.0, TopicAgreement.NormalizedMutualInformation(distinct, distinct), Digits);
        Assert.Equal(0.0, TopicAgreement.AdjustedRandIndex(distinct, distinct));
    }

    [Fact]
    public void Null_is_a_label_of_its_own()
    {
        string?[] gold = [null, null, "None", "None"];
        string?[] pred = ["a", "a", "b", "b"];

        Assert.Equal(1.0, TopicAgreement.AdjustedRandIndex(pred, gold), Digits);
    }

    [Fact]
    public void Labelings_of_different_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => TopicAgreement.AdjustedRandIndex(["a"], ["a", "b"]));
    }
}
