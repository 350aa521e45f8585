namespace KnowledgeBase.Core.Privacy;

/// <summary>The kinds of personal data that <see cref="PersonalDataMasker"/> finds and masks.</summary>
public enum PersonalDataKind
{
    /// <summary>A bank card number: 13 to 19 digits passing the Luhn check, plain or in groups.</summary>
    BankCard,

    /// <summary>An 18-character mainland resident ID number with a valid birth date and ISO 7064 check character.</summary>
    ResidentId,

    /// <summary>A mainland mobile number: <c>1[3-9]</c> and nine more digits, optionally after <c>+86</c>.</summary>
    MobilePhone,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>
    /// A WeChat id: an internal <c>wxid_…</c> id anywhere, or an id of 6-20 letters, digits, <c>_</c> and <c>-</c> starting with
    /// a letter where it is introduced as one (<c>微信号</c>, <c>微信：</c>, <c>wx</c>, <c>vx</c>, <c>V信</c>, …).
    /// </summary>
    WeChatId,

    /// <summary>A QQ number (5-11 digits) where it is introduced as one (<c>QQ</c>, <c>QQ号</c>, <c>QQ邮箱</c>).</summary>
    QqNumber,

    /// <summary>
    /// A mainland landline: area code (<c>010</c>, <c>02x</c>, <c>0xxx</c>) and a 7- or 8-digit number joined by a hyphen or a
    /// space (<c>021-62345678</c>, <c>0755-8888 8888</c>), unless it is introduced as a hotline or customer service.
    /// </summary>
    Landline,
}
