using System.Text.Json;
using Json.Schema;

namespace KnowledgeBase.Core.Tests.Export;

/// <summary>data/schema/faq.schema.json loaded with JsonSchema.Net, formats enforced, errors listed by JSON pointer.</summary>
internal static class FaqSchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(
            RepositoryFolder.Combine("data", "schema", "faq.schema.json"),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>
    /// The schema violations of a faq.json text and what the schema cannot say: every <c>exchanges[].topicId</c> and
    /// <c>entries[].topicId</c> is in <c>topics[]</c>, every <c>topics[].exchangeCount</c> counts the exchanges of this file
    /// in the topic, every <c>entries[].exchangeIds[]</c> is in <c>exchanges[]</c>; empty when the file is valid and closed.
    /// </summary>
    public static IReadOnlyList<string> DocumentErrors(string json)
    {
        var errors = Errors(json).ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var topics = root.GetProperty("topics").EnumerateArray().ToList();
        var topicIds = topics.Select(t => t.GetProperty("id").GetString()!).ToList();
        var exchanges = root.GetProperty("exchanges").EnumerateArray().ToList();
        var exchangeIds = exchanges.Select(x => x.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        var topicOf = exchanges.Select(x => x.GetProperty("topicId")).Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
        errors.AddRange(topicIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"/topics: {g.Key} listed {g.Count()} times"));
        errors.AddRange(exchanges
            .Where(x => x.GetProperty("topicId").ValueKind == JsonValueKind.String && !topicIds.Contains(x.GetProperty("topicId").GetString()!))
            .Select(x => $"/exchanges: {x.GetProperty("id").GetString()} names topic {x.GetProperty("topicId").GetString()}, not in topics[]"));
        foreach (var entry in root.GetProperty("entries").EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString();
            var topic = entry.GetProperty("topicId").GetString()!;
            if (!topicIds.Contains(topic))
            {
                errors.Add($"/entries: {id} names topic {topic}, not in topics[]");
            }

            errors.AddRange(entry.GetProperty("exchangeIds").EnumerateArray().Select(x => x.GetString()!).Where(x => !exchangeIds.Contains(x))
                .Select(x => $"/entries: {id} names exchange {x}, not in exchanges[]"));
        }

        errors.AddRange(topics
            .Select(t => (Id: t.GetProperty("id").GetString()!, Count: t.GetProperty("exchangeCount").GetInt32()))
            .Select(t => (t.Id, t.Count, Actual: topicOf.Count(x => x == t.Id)))
            .Where(t => t.Count != t.Actual)
            .Select(t => $"/topics: {t.Id} has exchangeCount {t.Count} but {t.Actual} exchange(s) of the file are in it"));
        return errors;
    }

    /// <summary>Every schema violation of a faq.json text as <c>/pointer: message</c>; empty when it validates.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(
            document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Prepend(results)
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .DefaultIfEmpty("invalid (no detail)")
            .ToList();
    }
}
