using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Segmentation;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Cli.Commands.Review;

/// <summary>Opens the curation store the way every verb must: search tokens from the project's jieba segmenter.</summary>
internal static class ReviewStore
{
    /// <summary>Exit code when a save was based on a stale version (someone else changed the entry).</summary>
    public const int Conflict = 3;

    /// <summary>
    /// Options for a verb that reads or acts on an existing store: a missing, empty or foreign file is refused, not made a
    /// store, and a damaged one (SQLite's quick_check, well under a second for a store of the full corpus) before anything is read or written.
    /// </summary>
    public static CurationStoreOptions Options(string databasePath, string? modelsDirectory = null)
    {
        var segmenter = ChineseSegmenter.Load(modelsDirectory is null ? null : new ChineseSegmenterOptions { ModelsDirectory = modelsDirectory });
        return CurationStoreOptions.WithSegmenter(databasePath, segmenter) with { CreateWhenMissing = false, CheckIntegrity = true };
    }

    // Only an import (like a build) may start a new store.
    public static CurationStore Open(ReviewSettings settings) =>
        new(Options(settings.Database, settings.Models) with { CreateWhenMissing = settings is ReviewImportSettings });

    /// <summary>Runs an action, turning store errors into a message on stderr and an exit code.</summary>
    public static int Run(Action action)
    {
        try
        {
            action();
            return ExitCodes.Ok;
        }
        catch (CurationConflictException conflict)
        {
            Console.Error.WriteLine($"kb review: conflict: {conflict.Message}");
            return Conflict;
        }
        catch (CurationException invalid)
        {
            Console.Error.WriteLine($"kb review: {invalid.Message}");
            return ExitCodes.UsageOrNothingReadable;
        }
        catch (SqliteException busy) when (busy.SqliteErrorCode is 5 or 6)
        {
            Console.Error.WriteLine("kb review: the store is busy (is a build merging into it?): nothing was saved, try again");
            return ExitCodes.UsageOrNothingReadable;
        }
    }
}
