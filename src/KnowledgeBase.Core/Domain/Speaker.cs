namespace KnowledgeBase.Core.Domain;

/// <summary>
/// A speaker as shown in a message header. Group members often write their nick as
/// <c>name-company-role-city</c>; when they do, the parts are split out.
/// </summary>
/// <param name="Raw">The nick exactly as in the header (trimmed, HTML entities decoded).</param>
/// <param name="Name">The person's name part, or the whole nick when it does not follow the habit.</param>
/// <param name="Company">Company part, when present.</param>
/// <param name="Role">Role part (技术, 产品, PM, CTO …), when present.</param>
/// <param name="City">City part, when present.</param>
public sealed record Speaker(string Raw, string Name, string? Company = null, string? Role = null, string? City = null);
