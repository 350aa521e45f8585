using System.Text;

namespace KnowledgeBase.Core.Exchanges;

/// <summary>Normalises a nick or mention for comparison: width-folded, lower-cased, without spaces and lost-emoji <c>?</c>.</summary>
internal static class NameKey
{
    public static string Of(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c == '?' || c == '\u2005' || char.IsControl(c))
            {
                continue;
            }

            // FormKC folds nothing beyond ASCII under InvariantGlobalization, so full-width letters are folded here.
            builder.Append(char.ToLowerInvariant(c is >= '\uff01' and <= '\uff5e' ? (char)(c - 0xfee0) : c));
        }

        return builder.ToString();
    }

    /// <summary>True when one key is a prefix of the other and the shorter one is long enough to mean something.</summary>
    public static bool IsPrefixRelated(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var minimum = IsCjk(shorter[0]) ? 1 : 3;
        return shorter.Length >= minimum && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';
}
