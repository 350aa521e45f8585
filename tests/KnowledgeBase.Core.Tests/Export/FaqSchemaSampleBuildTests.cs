using KnowledgeBase.Core.Pipeline;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class FaqSchemaSampleBuildTests
{
    [SampleDataFact]
    public void Faq_json_built_from_data_sample_validates_plain_and_masked()
    {
        var document = new KnowledgeBasePipeline()
            .Run(new KnowledgeBasePipelineOptions(SampleDataFactAttribute.SampleFolder) { GeneratedAt = DateTimeOffset.UnixEpoch })
            .Document;

        Assert.NotEmpty(document.Exchanges);
        Assert.Empty(FaqSchemaValidator.DocumentErrors(FaqSchemaTests.Write(document)));
        var masked = PersonalDataMasker.Mask(document, new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" });
        Assert.Empty(FaqSchemaValidator.DocumentErrors(FaqSchemaTests.Write(masked)));
    }
}
