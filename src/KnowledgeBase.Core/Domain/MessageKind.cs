namespace KnowledgeBase.Core.Domain;

/// <summary>What a message carries.</summary>
public enum MessageKind
{
    /// <summary>Ordinary text.</summary>
    Text,

    /// <summary>An image, <c>![..](url)</c>.</summary>
    Image,

    /// <summary>A link or shared card (<c>[title](url)</c>, a bare URL, a shared file name).</summary>
    Link,

    /// <summary>Only WeChat emoji codes such as <c>[捂脸]</c> or emoji characters.</summary>
    Emoji,

    /// <summary>A system or tool message such as <c>【电脑签到…】</c>, a red packet or share-card residue.</summary>
    System,

    /// <summary>A message with an empty body.</summary>
    Empty,
}
