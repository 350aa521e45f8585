using System.Globalization;

namespace KnowledgeBase.Core.Privacy;

/// <summary>The checksums and plausibility tests that tell personal numbers from order numbers, amounts and dates.</summary>
internal static class PersonalDataChecks
{
    private static readonly int[] ResidentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string ResidentIdCheckCharacters = "10X98765432";

    // Unix milliseconds from 2000-01-01 to 2100-01-01: a 13-digit run in this range is a timestamp, not a card.
    private const long FirstMillisecondTimestamp = 946_684_800_000;
    private const long LastMillisecondTimestamp = 4_102_444_800_000;

    /// <summary>True when the digits pass the Luhn (mod 10) check used by every card scheme.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>
    /// True for 13-19 digits passing Luhn that do not read as a date-prefixed order or transaction number
    /// (<c>20180305…</c>) or a Unix timestamp in milliseconds.
    /// </summary>
    public static bool IsBankCard(string digits)
    {
        if (digits.Length is < 13 or > 19 || !PassesLuhn(digits))
        {
            return false;
        }

        if (StartsWithDate(digits))
        {
            return false;
        }

        return !(digits.Length == 13
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value is >= FirstMillisecondTimestamp and < LastMillisecondTimestamp);
    }

    /// <summary>True for 17 digits plus a digit or <c>X</c> with a region, a real birth date and the ISO 7064 MOD 11-2 check.</summary>
    public static bool IsResidentId(string id)
    {
        if (id.Length != 18 || id[0] is < '1' or > '8')
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return false;
            }

            sum += (id[i] - '0') * ResidentIdWeights[i];
        }

        var check = char.ToUpperInvariant(id[17]);
        return check == ResidentIdCheckCharacters[sum % 11] && IsDate(id.AsSpan(6, 8), 1900);
    }

    /// <summary>True for <c>1[3-9]</c> followed by nine digits.</summary>
    public static bool IsMobile(string digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9';

    private static bool StartsWithDate(string digits) => digits.Length >= 8 && IsDate(digits.AsSpan(0, 8), 1990);

    private static bool IsDate(ReadOnlySpan<char> yyyymmdd, int firstYear) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year >= firstYear && date.Year < 2100;
}
