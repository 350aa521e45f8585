using KnowledgeBase.Core.Exchanges;

namespace KnowledgeBase.Core.Tests.Exchanges;

public sealed class DetectorValidationTests
{
    [Fact]
    public void A_perfect_ranking_has_precision_and_f1_of_one()
    {
        var figures = DetectorValidation.Of([(0.9f, true), (0.8f, true), (0.2f, false), (0.1f, false)]);

        Assert.Equal(1, figures.AveragePrecision, 9);
        Assert.Equal(1, figures.BestF1, 9);
        Assert.Equal(0.8, figures.BestThreshold, 6);
        Assert.Equal((4, 2), (figures.Candidates, figures.Openers));
    }

    [Fact]
    public void Average_precision_averages_the_precision_at_each_opener()
    {
        // Ranked: opener, other, opener, other: precision 1 at the first opener, 2/3 at the second.
        var figures = DetectorValidation.Of([(0.9f, true), (0.7f, false), (0.5f, true), (0.1f, false)]);

        Assert.Equal((1 + (2.0 / 3)) / 2, figures.AveragePrecision, 9);
        // Cut after the first: P 1, R 1/2, F1 2/3; after the third: P 2/3, R 1, F1 0.8.
        Assert.Equal(0.8, figures.BestF1, 9);
        Assert.Equal(0.5, figures.BestThreshold, 6);
        var expectedLoss = -(Math.Log(0.9) + Math.Log(0.3) + Math.Log(0.5) + Math.Log(0.9)) / 4;
        Assert.Equal(expectedLoss, figures.LogLoss, 5);
    }

    [Fact]
    public void Tied_probabilities_are_one_cut()
    {
        // A threshold of 0.5 keeps both tied messages; keeping only the opener is not a threshold.
        var figures = DetectorValidation.Of([(0.5f, false), (0.5f, true), (0.1f, false)]);

        Assert.Equal(2.0 / 3, figures.BestF1, 9);
        Assert.Equal(0.5, figures.BestThreshold, 6);
    }

    [Fact]
    public void No_openers_gives_zeros()
    {
        var figures = DetectorValidation.Of([(0.5f, false)]);

        Assert.Equal(0, figures.AveragePrecision);
        Assert.Equal(0, figures.BestF1);
    }
}
