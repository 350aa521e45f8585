namespace KnowledgeBase.Core.Curation;

/// <summary>Filters for listing entries; every <see langword="null"/> filter lets everything through.</summary>
/// <param name="TopicId">Only entries of this topic.</param>
/// <param name="Status">Only entries with this status.</param>
/// <param name="Group">Only entries citing a message of this chat group (the first folder of the source path, see <see cref="Domain.ChatGroup"/>).</param>
/// <param name="From">Only entries citing a message on or after this day.</param>
/// <param name="To">Only entries citing a message on or before this day.</param>
/// <param name="Expert">Only entries one of whose experts has this name.</param>
/// <param name="Text">Free text searched in question and answer (segmented like the stored text).</param>
/// <param name="ChangedSinceReview">
/// Only entries flagged (or not flagged) as changed since review. Flagged ones are listed whether or not the latest
/// build produced them: an approved entry it no longer produced is flagged for that reason.
/// </param>
/// <param name="IncludeMissing">Also entries the latest build no longer produced (they keep their decisions).</param>
/// <param name="Limit">At most this many entries, highest confidence first.</param>
/// <param name="Offset">How many of the matching entries, in that order, to pass over first (for paging).</param>
public sealed record EntryQuery(
    string? TopicId = null,
    string? Status = null,
    string? Group = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Expert = null,
    string? Text = null,
    bool? ChangedSinceReview = null,
    bool IncludeMissing = false,
    int Limit = 500,
    int Offset = 0);
