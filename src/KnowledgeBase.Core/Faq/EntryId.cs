using System.Security.Cryptography;
using System.Text;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Faq;

/// <summary>
/// Entry ids: a short hash of where the entry's earliest exchange asks its question (file path and header line).
/// The same input gives the same ids and a new day leaves the others' alone, but a line added or removed above the
/// question gives a new id; the review store then moves the entry's decisions to it (see <c>CurationStore.MergeBuild</c>).
/// </summary>
internal static class EntryId
{
    /// <summary>The id of an entry whose earliest exchange is <paramref name="earliest"/>, e.g. <c>q3f2a9c1b04</c>.</summary>
    /// <param name="earliest">The entry's earliest exchange.</param>
    /// <returns>The id.</returns>
    public static string Of(Exchange earliest)
    {
        var source = earliest.Messages.Count == 0 || !earliest.Questions.Any()
            ? earliest.Id
            : earliest.FirstQuestion.Source.ToString();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(source));
        return "q" + Convert.ToHexStringLower(hash)[..10];
    }
}
