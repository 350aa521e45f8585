namespace KnowledgeBase.Core.Evaluation;

/// <summary>What one gold file adds to an <see cref="EvaluationScore"/>: counts that add up over files, and the matched pairs' topics.</summary>
/// <param name="Gold">Gold exchanges.</param>
/// <param name="Pred">Scored predicted exchanges.</param>
/// <param name="Matched">Predicted exchanges matched one-to-one to a gold exchange.</param>
/// <param name="GoldLinks">Gold answer links.</param>
/// <param name="PredLinks">Predicted answer links.</param>
/// <param name="GoodLinks">Predicted answer links that the matched gold exchange lists.</param>
/// <param name="AnsweredGold">Gold exchanges with answers.</param>
/// <param name="AnsweredPred">Predicted exchanges with answers.</param>
/// <param name="FaqHits">Matched exchanges with at least one right answer line.</param>
/// <param name="PredTopics">The predicted topic of each matched pair.</param>
/// <param name="GoldTopics">The gold topic of each matched pair, in the same order.</param>
internal sealed record FileTally(
    int Gold,
    int Pred,
    int Matched,
    int GoldLinks,
    int PredLinks,
    int GoodLinks,
    int AnsweredGold,
    int AnsweredPred,
    int FaqHits,
    IReadOnlyList<string?> PredTopics,
    IReadOnlyList<string?> GoldTopics);
