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
}
