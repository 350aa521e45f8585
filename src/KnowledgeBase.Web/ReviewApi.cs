using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Reading;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Web;

/// <summary>The JSON API the page uses. Store errors become 400, 404 or 409 with an <c>error</c> message for a person.</summary>
internal static class ReviewApi
{
    private const int MaxActorLength = 100;

    // Entries a list request returns at most: a page, not the store (the corpus build has over 8,000).
    private const int MaxPageSize = 1000;

    public static void Map(WebApplication app, ReviewServerOptions options)
    {
        app.Use(BadRequests);
        app.MapRead("/api/meta", (CurationStore store) => Results.Ok(new
        {
            topics = store.Topics().Select(t => new { t.Id, t.Label, t.Keywords, t.ExchangeCount }),
            groups = store.Groups(),
            experts = store.Experts(),
            statuses = new[] { CurationStatus.Candidate, CurationStatus.Approved, CurationStatus.Rejected },
            sources = options.InputRoot is not null,
        }));

        app.MapRead("/api/entries", (HttpRequest request, CurationStore store) => Guarded(() =>
        {
            var query = request.Query;
            var filters = new EntryQuery(
                TopicId: Text(query["topic"]),
                Status: Text(query["status"]),
                Group: Text(query["group"]),
                From: Day(query["from"]),
                To: Day(query["to"]),
                Expert: Text(query["expert"]),
                Text: Text(query["q"]),
                ChangedSinceReview: query["changed"] == "1" ? true : null,
                IncludeMissing: query["missing"] == "1",
                Limit: Whole(query["limit"], "limit", 1, MaxPageSize) ?? 500,
                Offset: Whole(query["offset"], "offset", 0, int.MaxValue) ?? 0);
            // The total lets the page say "1–500 of 8,284" and offer the next page.
            return Results.Ok(new { total = store.Count(filters), offset = filters.Offset, entries = store.List(filters).Select(Summary) });
        }));

        app.MapRead("/api/entries/{id}", (string id, CurationStore store) => Guarded(() =>
        {
            if (store.Get(id) is { } entry)
            {
                return Results.Ok(Detail(store, entry));
            }

            // A bookmark or an open page may name an id a later build moved: say where the entry is now.
            throw CurationException.NoEntry(id, store.MovedTo(id));
        }));

        app.MapRead("/api/source", (string path, int line, CurationStore store) => Guarded(() => Source(options.InputRoot, path, line)));

        MapAction(app, "approve", (store, id, body) => store.Approve(id, Actor(body), body.Version));
        MapAction(app, "reject", (store, id, body) => store.Reject(id, Actor(body), body.Version));
        MapAction(app, "reset", (store, id, body) => store.Reset(id, Actor(body), body.Version));
        MapAction(app, "edit", (store, id, body) => store.Edit(id, new EntryEdit(body.Question, body.Answer, body.TopicId), Actor(body), body.Version));
        MapAction(app, "note", (store, id, body) => store.AddNote(id, body.Text ?? string.Empty, Actor(body), body.Version));
        MapAction(app, "merge", (store, id, body) => store.MergeEntries(id, body.Target ?? string.Empty, Actor(body), body.Version, body.TargetVersion));
        MapAction(app, "split", (store, id, body) => store.Split(id, body.ExchangeIds ?? [], Actor(body), body.Version));
    }

    private static void MapAction(WebApplication app, string action, Func<CurationStore, string, ActionRequest, CuratedEntry> run) =>
        app.MapPost($"/api/entries/{{id}}/{action}", (string id, ActionRequest? body, CurationStore store) =>
            body?.Version is null
                ? Results.Json(
                    new { error = body is null ? "send a JSON object with the version of the entry you saw" : "send the version of the entry you saw" },
                    statusCode: StatusCodes.Status400BadRequest)
                : Guarded(() => Results.Ok(Detail(store, run(store, id, body)))));

    private static IResult Guarded(Func<IResult> handler)
    {
        try
        {
            return handler();
        }
        catch (CurationConflictException conflict)
        {
            // A build that moved the entry the page had open gave its id to another question: the page opens it where it went.
            return conflict.MovedTo is { } movedTo
                ? Results.Json(new { error = conflict.Message, conflict = true, conflict.ActualVersion, movedTo }, statusCode: StatusCodes.Status409Conflict)
                : Results.Json(new { error = conflict.Message, conflict = true, conflict.ActualVersion }, statusCode: StatusCodes.Status409Conflict);
        }
        catch (CurationException invalid)
        {
            var status = invalid.Message.StartsWith("no entry", StringComparison.Ordinal) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return invalid.MovedTo is { } movedTo
                ? Results.Json(new { error = invalid.Message, movedTo }, statusCode: status)
                : Results.Json(new { error = invalid.Message }, statusCode: status);
        }
        catch (FormatException bad)
        {
            return Results.Json(new { error = bad.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (SqliteException busy) when (busy.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY or SQLITE_LOCKED after the busy timeout: another writer (a build merging) holds the store.
            return Results.Json(new { error = "the store is busy (is a build merging into it?): nothing was saved, try again in a moment" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    // A body or query value that does not bind (malformed JSON, "version":"x", line=abc) fails before any handler runs;
    // with RouteHandlerOptions.ThrowOnBadRequest it arrives here, and is answered like every other 400: with an error.
    private static async Task BadRequests(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = bad.StatusCode;
            await context.Response.WriteAsJsonAsync(new { error = Problem(bad) });
        }
    }

    private static string Problem(BadHttpRequestException bad)
    {
        if (bad.InnerException is not JsonException json)
        {
            return bad.Message;
        }

        if (!json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"the body is not valid JSON: {json.Message.Split(" Path:", 2)[0]}";
        }

        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('.', '[')[0] : null;
        return field switch
        {
            null => "the body must be a JSON object",
            "version" or "targetVersion" => $"{field} must be a whole number",
            "exchangeIds" => "exchangeIds must be a list of exchange ids",
            _ => $"{field} must be a string",
        };
    }

    private static object Summary(CuratedEntry entry) => new
    {
        entry.Id,
        entry.Entry.TopicId,
        entry.Entry.Question,
        entry.Entry.Answer,
        entry.Entry.Status,
        entry.Entry.Confidence,
        entry.Version,
        entry.ChangedSinceReview,
        entry.InLatestBuild,
        entry.Edited,
        entry.Groups,
        FirstDay = entry.FirstDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LastDay = entry.LastDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Experts = entry.Entry.Experts.Select(e => e.Name),
        Exchanges = entry.Entry.ExchangeIds.Count,
    };

    private static object Detail(CurationStore store, CuratedEntry entry) => new
    {
        entry.Id,
        entry.Entry.TopicId,
        entry.Entry.Question,
        entry.Entry.Answer,
        entry.Entry.Status,
        entry.Entry.Confidence,
        entry.Entry.Keywords,
        entry.Entry.ExchangeIds,
        Experts = entry.Entry.Experts,
        Sources = entry.Entry.Sources,
        entry.Version,
        entry.ChangedSinceReview,
        entry.InLatestBuild,
        entry.MergedInto,
        entry.Origin,
        entry.Edited,
        entry.BuiltQuestion,
        entry.BuiltAnswer,
        entry.BuiltTopicId,
        entry.Groups,
        entry.Notes,
        Conversation = store.Conversation(entry.Id),
        Audit = store.Audit(entry.Id, 50),
    };

    private static IResult Source(string? root, string path, int line)
    {
        if (root is null)
        {
            return Results.NotFound(new { error = "kb serve was started without --input, so source files are not shown" });
        }

        // A NUL or another character no path may hold names no file (and Path.GetFullPath would throw on it).
        var full = path.IndexOfAny(Path.GetInvalidPathChars()) < 0 ? Path.GetFullPath(Path.Combine(root, path)) : null;
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (full is null || !full.StartsWith(rootFull, StringComparison.Ordinal) || !File.Exists(full))
        {
            return Results.NotFound(new { error = $"no source file {path} under the input folder" });
        }

        if (line < 1)
        {
            return Results.BadRequest(new { error = $"line {line.ToString(CultureInfo.InvariantCulture)} does not exist: lines start at 1" });
        }

        // Decoded as the build read it (a GBK or UTF-16 day too), so the lines and their numbers are the cited ones.
        var (fileLines, problem) = new ChatLogReader().SourceLines(root, full);
        if (fileLines is null)
        {
            return Results.NotFound(new { error = $"{path}: {problem}" });
        }

        if (line > fileLines.Count)
        {
            // The file is shorter than when the build cited it: say so rather than show an empty excerpt.
            return Results.NotFound(new { error = $"{path} has {fileLines.Count.ToString(CultureInfo.InvariantCulture)} lines, not {line.ToString(CultureInfo.InvariantCulture)}: has it changed since the build?" });
        }

        var first = Math.Max(1, line - 10);
        var lines = fileLines.Skip(first - 1).Take(40).Select((text, i) => new { n = first + i, text });
        return Results.Ok(new { path, line, lines });
    }

    private static string Actor(ActionRequest body)
    {
        var actor = body.Actor?.Trim();
        if (string.IsNullOrEmpty(actor))
        {
            throw new CurationException("say who you are: fill in the reviewer name");
        }

        return TextPrefix.Of(actor, MaxActorLength);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A whole-number query value within bounds, or null when it is not given.
    private static int? Whole(string? value, string name, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException(max == int.MaxValue
                ? $"{name} must be a whole number, at least {min.ToString(CultureInfo.InvariantCulture)}"
                : $"{name} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
    }

    private static DateOnly? Day(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
