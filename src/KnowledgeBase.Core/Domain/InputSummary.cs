namespace KnowledgeBase.Core.Domain;

/// <summary>What a build read.</summary>
/// <param name="Root">The input root as given.</param>
/// <param name="Files">Chat-log files read.</param>
/// <param name="Messages">Messages read.</param>
/// <param name="Problems">Input problems reported.</param>
public sealed record InputSummary(string Root, int Files, int Messages, int Problems);
