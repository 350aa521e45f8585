using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Topics;

namespace KnowledgeBase.Core.Tests.Segmentation;

public sealed class WordVectorsTests
{
    // 牌照 and 资质 never meet, but both keep company with 申请/央行/审批; 退款 and 垫资 with 商户/结算/扣回.
    private static readonly string[][] Templates =
    [
        ["申请", "{0}", "要", "央行", "审批"],
        ["没有", "{0}", "能", "申请", "吗", "央行"],
        ["{0}", "审批", "多久", "央行", "申请"],
        ["商户", "{1}", "从", "结算", "扣回"],
        ["{1}", "以后", "结算", "扣回", "商户"],
        ["部分", "{1}", "商户", "结算", "怎么", "扣回"],
    ];

    private static readonly string[] Subjects = ["牌照", "资质", "退款", "垫资"];

    private static List<IReadOnlyList<string>> Sequences()
    {
        var sequences = new List<IReadOnlyList<string>>();
        var pairs = new[] { ("牌照", "退款"), ("资质", "垫资") };
        for (var copy = 0; copy < 4; copy++)
        {
            foreach (var (licence, refund) in pairs)
            {
                sequences.AddRange(Templates.Select(t => (IReadOnlyList<string>)[.. t.Select(w => string.Format(System.Globalization.CultureInfo.InvariantCulture, w, licence, refund))]));
            }
        }

        // Filler that ties everything loosely together, and a word seen once.
        sequences.Add(["今天", "大家", "好", "申请", "商户", "罕见词"]);
        return sequences;
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void Words_that_keep_the_same_company_get_close_vectors_though_they_never_meet()
    {
        var words = WordVectors.Learn(Sequences(), window: 5, minCount: 3, dimensions: 8, seed: 1);

        var licence = Cosine(words["牌照"]!, words["资质"]!);
        var refund = Cosine(words["退款"]!, words["垫资"]!);
        var across = Cosine(words["牌照"]!, words["垫资"]!);
        Assert.True(licence > across + 0.3, $"牌照~资质 {licence:F3}, 牌照~垫资 {across:F3}");
        Assert.True(refund > across + 0.3, $"退款~垫资 {refund:F3}, 牌照~垫资 {across:F3}");
        Assert.Equal(8, words.Dimensions);
        Assert.All(Subjects, w => Assert.Equal(1.0, Math.Sqrt(Cosine(words[w]!, words[w]!)), 4));
    }

    [Fact]
    public void Rare_words_get_no_vector_and_a_tiny_vocabulary_gives_none_at_all()
    {
        var words = WordVectors.Learn(Sequences(), window: 5, minCount: 3, dimensions: 8, seed: 1);
        Assert.Null(words["罕见词"]);
        Assert.Null(words["从未出现"]);

        var tiny = WordVectors.Learn([["支付", "牌照"]], window: 5, minCount: 1, dimensions: 8, seed: 1);
        Assert.Equal(0, tiny.Count);
        Assert.Null(tiny["支付"]);
    }

    [Fact]
    public void Learning_twice_gives_identical_vectors()
    {
        var first = WordVectors.Learn(Sequences(), window: 5, minCount: 3, dimensions: 8, seed: 1);
        var second = WordVectors.Learn(Sequences(), window: 5, minCount: 3, dimensions: 8, seed: 1);

        foreach (var word in Subjects.Append("央行").Append("商户"))
        {
            Assert.Equal(first[word]!, second[word]!);
        }
    }

    [Fact]
    public void The_direction_all_vectors_share_is_removed()
    {
        // Every vector leans along the first axis; what tells them apart is the other two.
        float[][] vectors = [[0.9f, 0.43f, 0f], [0.9f, -0.43f, 0f], [0.9f, 0f, 0.43f], [0.9f, 0f, -0.43f]];

        var result = ExchangeEmbedding.WithoutCommonDirection(vectors, seed: 3);

        Assert.All(result, v =>
        {
            Assert.InRange(Math.Abs(v[0]), 0.0, 1e-3);
            Assert.Equal(1.0, Math.Sqrt(Cosine(v, v)), 4);
        });
        Assert.Equal(-1.0, Cosine(result[0], result[1]), 3);
    }

    [Fact]
    public void A_message_embedding_points_like_its_subject_and_survives_saving_and_loading()
    {
        var embedder = MessageEmbedder.Learn(Sequences(), dimensions: 8, seed: 1);
        float[] licence = embedder.Embed(["没有", "牌照"]);
        float[] sameSubject = embedder.Embed(["资质", "审批"]);
        float[] otherSubject = embedder.Embed(["垫资", "扣回"]);

        Assert.True(MessageEmbedder.Cosine(licence, sameSubject) > MessageEmbedder.Cosine(licence, otherSubject) + 0.3);
        Assert.All(embedder.Embed(["从未出现", "罕见词"]), x => Assert.Equal(0f, x));

        using var folder = new KnowledgeBase.Core.Tests.Evaluation.TempDirectory();
        var path = Path.Combine(folder.Path, MessageEmbedder.FileName);
        embedder.Save(path);
        var loaded = MessageEmbedder.Load(path);
        Assert.Equal(embedder.Words, loaded.Words);
        Assert.Equal(licence, loaded.Embed(["没有", "牌照"]));
    }

    [Fact]
    public void A_file_that_is_not_a_saved_embedder_is_a_clear_error()
    {
        using var folder = new KnowledgeBase.Core.Tests.Evaluation.TempDirectory();
        var path = Path.Combine(folder.Path, MessageEmbedder.FileName);
        var embedder = MessageEmbedder.Learn(Sequences(), dimensions: 8, seed: 1);
        embedder.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var cut = Assert.Throws<InvalidDataException>(() => MessageEmbedder.Load(path));
        Assert.Contains("cut short", cut.Message, StringComparison.Ordinal);

        File.WriteAllText(path, "not vectors");
        Assert.Throws<InvalidDataException>(() => MessageEmbedder.Load(path));
    }
}
