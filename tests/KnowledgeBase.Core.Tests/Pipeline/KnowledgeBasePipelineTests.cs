using System.Text.RegularExpressions;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Pipeline;

namespace KnowledgeBase.Core.Tests.Pipeline;

public sealed partial class KnowledgeBasePipelineTests(SampleBuildFixture sample) : IClassFixture<SampleBuildFixture>
{
    [Fact]
    public void The_sample_is_read_whole_without_problems()
    {
        var files = Directory.GetFiles(sample.SampleRoot, "*.markdown", SearchOption.AllDirectories);
        var headers = files.Sum(f => File.ReadAllLines(f).Count(l => HeaderLine().IsMatch(l)));

        var input = sample.First.Document.Input;
        Assert.Equal(files.Length, input.Files);
        Assert.Equal(headers, input.Messages);
        Assert.Equal(headers, sample.First.HeaderLines);
        Assert.Empty(sample.First.Problems);
        Assert.Equal(0, input.Problems);
        Assert.Equal(SampleBuildFixture.GeneratedAt, sample.First.Document.GeneratedAt);
    }

    [Fact]
    public void The_sample_yields_answered_exchanges()
    {
        Assert.Contains(sample.First.Document.Exchanges, e => e.Answers.Any());
    }

    [Fact]
    public void Every_cited_message_is_a_header_line_of_its_speaker()
    {
        var document = sample.First.Document;
        var lines = new Dictionary<string, string[]>();
        string LineAt(string path, int line)
        {
            if (!lines.TryGetValue(path, out var text))
            {
                lines[path] = text = File.ReadAllText(Path.Combine(sample.SampleRoot, path)).Split('\n');
            }

            return text[line - 1];
        }

        Assert.All(document.Exchanges.SelectMany(e => e.Messages), m =>
        {
            foreach (var source in m.Duplicates.Prepend(m.Message.Source))
            {
                var header = HeaderLine().Match(LineAt(source.Path, source.Line));
                Assert.True(header.Success, $"{source} is not a header line");
                if (source == m.Message.Source)
                {
                    Assert.Equal(m.Message.Speaker.Raw, header.Groups["speaker"].Value.Trim());
                }
            }
        });
        Assert.All(document.Entries.SelectMany(e => e.Sources), source => Assert.Matches(HeaderLine(), LineAt(source.Path, source.Line)));
    }

    [Fact]
    public void Two_builds_of_the_same_input_write_the_same_bytes()
    {
        Assert.Equal(Write(sample.First), Write(sample.Second));
    }

    private static byte[] Write(PipelineResult result)
    {
        using var stream = new MemoryStream();
        new FaqJsonWriter().Write(result.Document, stream);
        return stream.ToArray();
    }

    [GeneratedRegex(@"^> \d\d:\d\d:\d\d(?<speaker>.*)$")]
    private static partial Regex HeaderLine();
}
