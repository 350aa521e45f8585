using System.Text;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class FaqJsonReaderTests
{
    private static byte[] Write(KnowledgeBaseDocument document)
    {
        using var stream = new MemoryStream();
        new FaqJsonWriter().Write(document, stream);
        return stream.ToArray();
    }

    private static KnowledgeBaseDocument Read(byte[] json)
    {
        using var stream = new MemoryStream(json);
        return new FaqJsonReader().Read(stream);
    }

    [Fact]
    public void Reading_what_the_writer_wrote_and_writing_it_again_gives_the_same_bytes()
    {
        var written = Write(SampleDocuments.Payments());

        Assert.Equal(Encoding.UTF8.GetString(written), Encoding.UTF8.GetString(Write(Read(written))));
    }

    [Fact]
    public void Messages_are_parsed_again_from_their_text()
    {
        var document = Read(Write(SampleDocuments.Payments()));

        var answer = document.Exchanges.SelectMany(e => e.Messages).First(m => m.Role == MessageRole.Answer).Message;
        Assert.Equal("李四", answer.Speaker.Name);
        Assert.Equal("网联", answer.Speaker.Company);
        Assert.Equal(["张三-某银行-产品-上海"], answer.Mentions);
        var context = document.Exchanges.SelectMany(e => e.Messages).First(m => m.Role == MessageRole.Context);
        Assert.Equal(MessageKind.Emoji, context.Message.Kind);
        Assert.Equal([new SourceRef("proddev/2018-03-05-chat (1).markdown", 18)], context.Duplicates);
    }

    [Fact]
    public void Skipped_files_are_written_and_read_back_and_count_zero_in_an_older_faq_json()
    {
        var document = SampleDocuments.Payments();
        var written = Write(document with { Input = document.Input with { SkippedFiles = 4 } });
        var older = Encoding.UTF8.GetString(written).Replace("\"skippedFiles\": 4,", string.Empty, StringComparison.Ordinal);

        Assert.Contains("\"skippedFiles\": 4,", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        Assert.Equal(4, Read(written).Input.SkippedFiles);
        Assert.Equal(0, Read(Encoding.UTF8.GetBytes(older)).Input.SkippedFiles);
        Assert.Equal(document.Input.Files, Read(Encoding.UTF8.GetBytes(older)).Input.Files);
    }

    [Fact]
    public void Fields_it_does_not_know_are_ignored()
    {
        var json = Encoding.UTF8.GetString(Write(SampleDocuments.Payments()))
            .Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"future\": {\"x\": [1, 2]},", StringComparison.Ordinal)
            .Replace("\"status\": \"candidate\"", "\"status\": \"candidate\", \"reviewer\": \"someone\"", StringComparison.Ordinal);

        var document = Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(SampleDocuments.Payments().Entries.Count, document.Entries.Count);
    }

    [Theory]
    [InlineData("{}", "missing field 'schemaVersion'")]
    [InlineData("[]", "the document should be object")]
    [InlineData("{\"schemaVersion\": \"1\"}", "field 'schemaVersion' should be number")]
    public void A_document_that_is_not_a_faq_json_is_an_invalid_data_error(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Read(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exchange_confidence_is_written_to_four_decimals_as_the_review_store_compares_it()
    {
        var document = SampleDocuments.Payments();
        document = document with { Exchanges = [.. document.Exchanges.Select(x => x with { Confidence = 0.123456789 })] };

        var json = Encoding.UTF8.GetString(Write(document));

        Assert.DoesNotContain("0.123456789", json, StringComparison.Ordinal);
        Assert.Contains("\"confidence\": 0.1235", json, StringComparison.Ordinal);
    }
}
