using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class EvaluationScoreTests
{
    [Fact]
    public void ToJson_is_what_score_py_json_prints()
    {
        var score = new EvaluationScore(15, 214, 180, 120, 2.0 / 3, 0.5, 0.5714285714285714, 0, 1, 0.1, 1e-05, 0.25, 0.123, 0.5, -0.02);

        Assert.Equal(
            "{\"files\": 15, \"gold_exchanges\": 214, \"pred_exchanges\": 180, \"matched\": 120, "
            + "\"question_p\": 0.6666666666666666, \"question_r\": 0.5, \"question_f1\": 0.5714285714285714, "
            + "\"link_p\": 0.0, \"link_r\": 1.0, \"link_f1\": 0.1, \"faq_p\": 1e-05, \"faq_r\": 0.25, \"faq_f1\": 0.123, "
            + "\"topic_nmi\": 0.5, \"topic_ari\": -0.02}",
            score.ToJson());
    }
}
