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
