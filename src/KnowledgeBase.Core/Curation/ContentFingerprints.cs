using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Privacy;
using Microsoft.Data.Sqlite;
using static KnowledgeBase.Core.Curation.CurationDatabase;

namespace KnowledgeBase.Core.Curation;

/// <summary>
/// The fingerprints the store compares entries by: of the places of their cited messages, and of what those messages
/// say (file, time, speaker and text).
/// </summary>
internal static class ContentFingerprints
{
    // Marks a reviewed hash of what the cited messages say; a reviewed hash without it is of their places only (older stores).
    internal const string ContentHashPrefix = "c1:";

    internal static string SourcesHash(IEnumerable<SourceRef> sources) =>
        Hash(string.Join('\n', sources.Select(s => s.ToString()).Order(StringComparer.Ordinal)));

    // What an analyst reviews: what each cited message says (file, time, speaker, text), not the line it is on, so a
    // message moved down by a line added above it is the same message and a message rewritten in place is not.
    internal static string ContentHash(IEnumerable<string> said) => Fingerprint(ContentHashPrefix, said);

    // Marks a fingerprint of what an entry cites as it stands, merges and splits applied (eff_content_hash): what an
    // approval reviews. A reviewed hash with the older prefix is of the build's own sources only.
    internal const string EffectiveHashPrefix = "c2:";

    internal static string EffectiveContentHash(IEnumerable<string> said) => Fingerprint(EffectiveHashPrefix, said);

    internal static bool IsEffective(string? reviewedHash) => reviewedHash?.StartsWith(EffectiveHashPrefix, StringComparison.Ordinal) == true;

    internal static string Unknown(SourceRef source) => source.ToString();

    // The content hash of sources as the store holds their messages (those of the latest build's exchanges).
    internal static string StoredContentHash(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<SourceRef> sources)
    {
        var said = new List<string>();
        foreach (var source in sources)
        {
            using var command = Command(connection, transaction, "SELECT time, speaker, body FROM messages WHERE path = $path AND line = $line;", ("$path", source.Path), ("$line", source.Line));
            using var reader = command.ExecuteReader();
            said.Add(reader.Read() ? MessageContent.Said(source.Path, reader.GetString(0), reader.GetString(1), reader.GetString(2)) : Unknown(source));
        }

        return ContentHash(said);
    }

    internal static string Hash(string text) => MessageContent.Hash(text);

    // What messages say, in any order, under the prefix that tells which fingerprint it is. Speakers and texts are taken
    // with personal data masked, as a build writes them by default, so that a build with --no-mask of the same input
    // says the same to the store (masking masked text changes nothing).
    private static string Fingerprint(string prefix, IEnumerable<string> said) =>
        prefix + Hash(string.Join('\u001e', said.Select(Masked).Order(StringComparer.Ordinal)));

    // MessageContent.Said's file, time, speaker and text, the last two masked.
    private static string Masked(string said)
    {
        var parts = said.Split('\u001f');
        if (parts.Length != 4)
        {
            return said;
        }

        (parts[2], parts[3]) = (PersonalDataMasker.Mask(parts[2]), PersonalDataMasker.Mask(parts[3]));
        return string.Join('\u001f', parts);
    }
}
