namespace KnowledgeBase.Core.Privacy;

/// <summary>What <see cref="PersonalDataMasker.Mask(Domain.KnowledgeBaseDocument, MaskingOptions)"/> does to a document.</summary>
public sealed record MaskingOptions
{
    /// <summary>Masking on, speakers kept: what faq.json and every export get unless told otherwise.</summary>
    public static MaskingOptions Default { get; } = new();

    /// <summary>Replace card numbers, resident ID numbers, mobile numbers and e-mail addresses with placeholders (default true).</summary>
    public bool MaskPersonalData { get; init; } = true;

    /// <summary>Replace every nick with a stable pseudonym such as <c>成员-7F3A09C2</c> (default false).</summary>
    public bool AnonymizeSpeakers { get; init; }

    /// <summary>
    /// Secret key of the pseudonym hash. The same key gives the same pseudonyms in every export; null draws a random key
    /// for each call, so pseudonyms are stable within one export but cannot be linked across exports or reversed by
    /// hashing known nicks.
    /// </summary>
    public string? PseudonymKey { get; init; }
}
