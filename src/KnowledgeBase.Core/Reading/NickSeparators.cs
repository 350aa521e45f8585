using System.Buffers;

namespace KnowledgeBase.Core.Reading;

/// <summary>
/// What members write between the parts of a <c>name-company-role-city</c> nick, in one place for the header's nick
/// (<see cref="SpeakerParser"/>), the rest of a nick after an <c>@</c> (<see cref="MentionParser"/>,
/// <see cref="MentionedNick"/>) and the export's pseudonyms.
/// </summary>
internal static class NickSeparators
{
    /// <summary>The separators that always split a nick: <c>-</c> and its full-width and dash cousins, tildes, bars.</summary>
    public const string Parts = "-－—–～~|｜";

    /// <summary>
    /// <see cref="Parts"/> and <c>_</c>, for the rest of a nick after a mention: there <c>_</c> joins the parts too
    /// (<c>@洪宇明_平安_开发_深圳</c>). A header's nick is split at <c>_</c> only when its parts read as name, company,
    /// role and city (<c>howard_wang001</c> is a name).
    /// </summary>
    public const string PartsOrUnderscore = Parts + "_";

    /// <summary><see cref="Parts"/> for searching.</summary>
    public static readonly SearchValues<char> Strong = SearchValues.Create(Parts);

    /// <summary><see cref="PartsOrUnderscore"/> for searching.</summary>
    public static readonly SearchValues<char> StrongOrUnderscore = SearchValues.Create(PartsOrUnderscore);
}
