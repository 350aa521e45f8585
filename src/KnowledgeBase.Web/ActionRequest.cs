namespace KnowledgeBase.Web;

/// <summary>The JSON body of an action: who, the version they saw, and the action's own fields.</summary>
/// <param name="Actor">The reviewer's name.</param>
/// <param name="Version">The entry version the reviewer saw.</param>
/// <param name="Question">A new question (edit).</param>
/// <param name="Answer">A new answer (edit).</param>
/// <param name="TopicId">A new topic (edit, move).</param>
/// <param name="Text">A note.</param>
/// <param name="Target">The entry to merge into.</param>
/// <param name="TargetVersion">The target version the reviewer saw (merge).</param>
/// <param name="ExchangeIds">Exchanges to split off (split).</param>
public sealed record ActionRequest(
    string? Actor,
    int? Version,
    string? Question = null,
    string? Answer = null,
    string? TopicId = null,
    string? Text = null,
    string? Target = null,
    int? TargetVersion = null,
    IReadOnlyList<string>? ExchangeIds = null);
