using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace KnowledgeBase.Core.Evaluation;

/// <summary>
/// The few Python behaviours the reference scorer depends on, reproduced so that our numbers and labels are the ones
/// <c>score.py</c> computes: <c>str.strip()</c>, <c>str(x)</c> of a JSON value, <c>int(x)</c> and <c>repr(float)</c>.
/// </summary>
internal static class PythonText
{
    /// <summary>Python's <c>str.isspace()</c>: .NET's white space plus the four separators U+001C to U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary>Python's <c>str.strip()</c> without arguments.</summary>
    public static string Strip(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>Python's <c>str(v)</c> of a value <c>json.load</c> produced; <see langword="null"/> element means the key was absent.</summary>
    /// <remarks>Arrays and objects keep their JSON text: Python would print its own list or dict repr, but no topic id is one.</remarks>
    public static string Str(JsonElement? element)
    {
        if (element is not { } e)
        {
            return "None";
        }

        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString()!,
            JsonValueKind.Number => NumberStr(e.GetRawText()),
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Null or JsonValueKind.Undefined => "None",
            _ => e.GetRawText(),
        };
    }

    /// <summary>Python's <c>int(v)</c> of a JSON number or string (floats truncate toward zero, strings are stripped).</summary>
    /// <exception cref="FormatException">The value is not a number or a string holding an integer.</exception>
    public static int Int(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number when e.TryGetInt32(out int i):
                return i;
            case JsonValueKind.Number:
                return checked((int)Math.Truncate(e.GetDouble()));
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.False:
                return 0;
            case JsonValueKind.String when int.TryParse(Strip(e.GetString()!), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed):
                return parsed;
            default:
                throw new FormatException($"not an integer line number: {e.GetRawText()}");
        }
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, fixed notation for exponents -4 to 15, else <c>1.5e+16</c>.</summary>
    public static string Repr(double v)
    {
        if (double.IsNaN(v))
        {
            return "nan";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "inf" : "-inf";
        }

        string sign = double.IsNegative(v) ? "-" : "";
        if (v == 0)
        {
            return sign + "0.0";
        }

        // "R" gives the shortest round-trip digits (as Python does); only the layout differs.
        string r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = r.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        int dot = r.IndexOf('.', StringComparison.Ordinal);
        string whole = dot < 0 ? r : r[..dot];
        string digits = dot < 0 ? whole : whole + r[(dot + 1)..];
        int point = whole.Length + exponent;
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= leadingZeros;

        int scientific = point - 1;
        if (scientific is < -4 or >= 16)
        {
            string mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            return $"{sign}{mantissa}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific):00}";
        }

        if (point <= 0)
        {
            return $"{sign}0.{new string('0', -point)}{digits}";
        }

        return point >= digits.Length
            ? $"{sign}{digits}{new string('0', point - digits.Length)}.0"
            : $"{sign}{digits[..point]}.{digits[point..]}";
    }

    // json.load makes an int of a number without fraction or exponent and a float of the rest.
    private static string NumberStr(string raw) =>
        raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0
            ? BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : Repr(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
}
