using System.Text;
using System.Text.Json.Nodes;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class FaqSchemaTests
{
    [Fact]
    public void Faq_json_written_by_the_writer_validates()
    {
        var json = Write(SampleDocuments.Payments());

        Assert.Empty(FaqSchemaValidator.Errors(json));
    }

    [Fact]
    public void Masked_and_anonymized_faq_json_validates()
    {
        var masked = PersonalDataMasker.Mask(SampleDocuments.Payments(), new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" });

        Assert.Empty(FaqSchemaValidator.Errors(Write(masked)));
    }

    [Fact]
    public void Optional_shapes_validate_unclustered_exchange_and_bare_expert()
    {
        var document = SampleDocuments.Payments();
        document = document with
        {
            Exchanges = [document.Exchanges[0] with { TopicId = null }],
            Entries = [document.Entries[0] with { Experts = [new Expert("李四", null, null, 0)], Sources = [] }],
            Topics = [],
        };

        Assert.Empty(FaqSchemaValidator.Errors(Write(document)));
    }

    [Fact]
    public void Empty_knowledge_base_validates()
    {
        var document = new KnowledgeBaseDocument(1, DateTimeOffset.UnixEpoch, new InputSummary("in", 0, 0, 0), [], [], []);

        Assert.Empty(FaqSchemaValidator.Errors(Write(document)));
    }

    [Fact]
    public void Faq_json_written_before_skipped_files_were_counted_still_validates()
    {
        var root = JsonNode.Parse(Write(SampleDocuments.Payments()))!;
        Assert.True(root["input"]!.AsObject().Remove("skippedFiles"));

        Assert.Empty(FaqSchemaValidator.Errors(root.ToJsonString()));
    }

    [Theory]
    [InlineData("unknown top-level field", "/", "extra", "1")]
    [InlineData("unknown entry field", "/entries/0", "changedSinceReview", "true")]
    [InlineData("unknown message field", "/exchanges/0/messages/0", "kind", "\"text\"")]
    [InlineData("other schema version", "/", "schemaVersion", "2")]
    [InlineData("role outside the enum", "/exchanges/0/messages/1", "role", "\"expert\"")]
    [InlineData("status outside the enum", "/entries/0", "status", "\"published\"")]
    [InlineData("line zero", "/exchanges/0/messages/0", "line", "0")]
    [InlineData("time with an offset", "/exchanges/0/messages/0", "time", "\"2018-03-05T09:15:02+08:00\"")]
    [InlineData("generatedAt not UTC", "/", "generatedAt", "\"2018-06-30 12:00\"")]
    [InlineData("confidence above one", "/entries/1", "confidence", "1.5")]
    [InlineData("count as a string", "/input", "files", "\"2\"")]
    [InlineData("negative skipped count", "/input", "skippedFiles", "-1")]
    [InlineData("keywords not strings", "/topics/0", "keywords", "[1, 2]")]
    public void Drift_from_the_contract_fails(string why, string objectPath, string property, string value)
    {
        var root = JsonNode.Parse(Write(SampleDocuments.Payments()))!;
        Resolve(root, objectPath)[property] = JsonNode.Parse(value);

        Assert.True(FaqSchemaValidator.Errors(root.ToJsonString()).Count > 0, why);
    }

    [Theory]
    [InlineData("/", "entries")]
    [InlineData("/input", "problems")]
    [InlineData("/topics/0", "exchangeCount")]
    [InlineData("/exchanges/0", "topicId")]
    [InlineData("/exchanges/0/messages/0", "speaker")]
    [InlineData("/entries/0", "sources")]
    [InlineData("/entries/0/experts/0", "answers")]
    public void Missing_required_field_fails(string objectPath, string property)
    {
        var root = JsonNode.Parse(Write(SampleDocuments.Payments()))!;
        Resolve(root, objectPath).AsObject().Remove(property);

        Assert.NotEmpty(FaqSchemaValidator.Errors(root.ToJsonString()));
    }

    private static JsonNode Resolve(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        return node;
    }

    internal static string Write(KnowledgeBaseDocument document)
    {
        using var stream = new MemoryStream();
        new FaqJsonWriter().Write(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
