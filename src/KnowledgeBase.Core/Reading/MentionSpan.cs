namespace KnowledgeBase.Core.Reading;

/// <summary>Where an @mention sits in a message text (<see cref="MentionedNick.Spans"/>).</summary>
/// <param name="At">Index of its <c>@</c>; the first of them when the mention was typed <c>@@name</c>.</param>
/// <param name="Name">The name as the mention parser found it, without <c>@</c>.</param>
/// <param name="NickStart">Index of the nick's first character, after the <c>@</c>.</param>
/// <param name="NickEnd">Index after the whole nick picked, with the rest of it the parser stopped short of.</param>
/// <param name="End">Index after the mention: after the U+2005 or <c>?</c> WeChat put after the nick, if any.</param>
/// <param name="Everyone"><c>@所有人</c> or <c>@all</c>: a call on the whole group, nobody's nick.</param>
internal readonly record struct MentionSpan(int At, string Name, int NickStart, int NickEnd, int End, bool Everyone);
