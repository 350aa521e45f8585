using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>
/// A message of a day after merging export duplicates: the message as first seen, the header lines of its twins,
/// its jieba tokens and its content words (segmented once, reused by every feature and model).
/// </summary>
/// <param name="Index">Position in the day's turn list.</param>
/// <param name="Message">The message as first seen.</param>
/// <param name="Duplicates">Header lines of the same message in a second export.</param>
/// <param name="Tokens">All jieba tokens of the message text joined by spaces: the text the ML.NET text models read.</param>
/// <param name="Words">Content words of the message text (stop words removed).</param>
/// <param name="DomainTerms">How many of the words are domain-dictionary terms.</param>
/// <param name="Vector">The words' embedding (<see cref="Segmentation.MessageEmbedder"/>): what the message is about.</param>
internal sealed record Turn(int Index, ChatMessage Message, IReadOnlyList<SourceRef> Duplicates, string Tokens, IReadOnlyList<string> Words, int DomainTerms, float[] Vector)
{
    /// <summary>The content words as a set, for overlap features.</summary>
    public HashSet<string> WordSet { get; } = Words.ToHashSet(StringComparer.Ordinal);

    /// <summary>The model-free question guess, computed once (it is asked for every pair the turn is part of).</summary>
    public bool LooksLikeQuestion { get; } = QuestionFeaturizer.LooksLikeQuestion(Message.Text);

    /// <summary>
    /// The message repeats word for word what another member said a few turns before: the group's "repeater" game, a
    /// greeting or slogan taken up, or a copy a second export gave a later time. It opens no question of its own.
    /// </summary>
    public bool Echo { get; init; }

    /// <summary>The speaker's raw nick.</summary>
    public string Speaker => Message.Speaker.Raw;

    /// <summary>Seconds since midnight of the message's day.</summary>
    public double Seconds => Message.Time.TimeOfDay.TotalSeconds;
}
