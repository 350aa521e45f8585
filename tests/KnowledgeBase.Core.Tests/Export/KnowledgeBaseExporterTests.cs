using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Tests.Export;

public sealed class KnowledgeBaseExporterTests
{
    private static readonly string[] PersonalData = ["13812345678", "6222021234567894", "li.si@example.com"];
    private static readonly string[] Names = ["张三", "李四", "王五", "坏人", "网联"];

    [Theory]
    [InlineData(ExportFormat.Markdown)]
    [InlineData(ExportFormat.Html)]
    [InlineData(ExportFormat.Json)]
    public void Every_format_masks_personal_data_by_default(ExportFormat format)
    {
        using var folder = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(format), folder.Path);

        var all = folder.AllText();
        Assert.All(PersonalData, p => Assert.DoesNotContain(p, all));
    }

    [Fact]
    public void No_mask_keeps_personal_data()
    {
        using var folder = new ExportFolder();
        var options = new ExportOptions(ExportFormat.Html) { Masking = new MaskingOptions { MaskPersonalData = false } };

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), options, folder.Path);

        Assert.Contains("电话13812345678", folder.AllText());
    }

    [Theory]
    [InlineData(ExportFormat.Markdown)]
    [InlineData(ExportFormat.Html)]
    [InlineData(ExportFormat.Json)]
    public void Anonymized_export_names_nobody(ExportFormat format)
    {
        using var folder = new ExportFolder();
        var options = new ExportOptions(format) { Masking = new MaskingOptions { AnonymizeSpeakers = true } };

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), options, folder.Path);

        var all = folder.AllText();
        Assert.All(Names, n => Assert.DoesNotContain(n, all));
        Assert.Contains("成员-", all);
    }

    [Fact]
    public void An_anonymized_export_exported_anonymized_again_says_it_kept_the_pseudonyms()
    {
        using var first = new ExportFolder();
        using var second = new ExportFolder();
        using var third = new ExportFolder();
        var options = new ExportOptions(ExportFormat.Json) { Masking = new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" } };

        var once = new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), options, first.Path);
        var exported = new FaqJsonReader().ReadFile(System.IO.Path.Combine(first.Path, "faq.json"));
        var twice = new KnowledgeBaseExporter().Export(exported, options with { Masking = options.Masking with { PseudonymKey = "other" } }, second.Path);
        var plain = new KnowledgeBaseExporter().Export(exported, new ExportOptions(ExportFormat.Json), third.Path);

        Assert.False(once.KeptPseudonyms);
        Assert.True(twice.KeptPseudonyms);
        Assert.False(plain.KeptPseudonyms);
        Assert.Equal(first.Read("faq.json"), second.Read("faq.json"));
    }

    [Fact]
    public void Json_export_is_faq_json_that_validates()
    {
        using var folder = new ExportFolder();

        var written = new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Json), folder.Path).Files;

        Assert.Equal(["faq.json"], written);
        Assert.Empty(FaqSchemaValidator.DocumentErrors(folder.Read("faq.json")));
    }

    [Fact]
    public void Same_document_gives_identical_files()
    {
        using var first = new ExportFolder();
        using var second = new ExportFolder();

        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), first.Path);
        new KnowledgeBaseExporter().Export(SampleDocuments.Payments(), new ExportOptions(ExportFormat.Html), second.Path);

        Assert.Equal(first.AllText(), second.AllText());
    }
}
