namespace KnowledgeBase.Core.Curation;

/// <summary>The curation statuses an entry can have, as written in faq.json and the store.</summary>
public static class CurationStatus
{
    /// <summary>Extracted by a build, not reviewed yet.</summary>
    public const string Candidate = "candidate";

    /// <summary>An analyst accepted the entry for the wiki.</summary>
    public const string Approved = "approved";

    /// <summary>An analyst turned the entry down.</summary>
    public const string Rejected = "rejected";

    /// <summary>True for the three known statuses.</summary>
    /// <param name="status">A status name.</param>
    /// <returns>Whether <paramref name="status"/> is one of the statuses.</returns>
    public static bool IsKnown(string? status) => status is Candidate or Approved or Rejected;
}
