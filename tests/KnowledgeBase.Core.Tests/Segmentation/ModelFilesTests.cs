using System.Text.RegularExpressions;
using KnowledgeBase.Core.Segmentation;

namespace KnowledgeBase.Core.Tests.Segmentation;

public sealed partial class ModelFilesTests(SegmenterFixture fixture) : IClassFixture<SegmenterFixture>, IDisposable
{
    private static readonly string ModelsDirectory = Path.Combine(AppContext.BaseDirectory, "models");
    private readonly string temp = Directory.CreateTempSubdirectory("kb-segmentation-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void Payment_dictionary_has_at_least_300_valid_lines_with_pos_tags()
    {
        var lines = File.ReadAllLines(Path.Combine(ModelsDirectory, "payment-dict.txt"));
        string[] tags = ["n", "nz", "nt", "v", "vn", "a", "eng"];

        Assert.True(lines.Length >= 300, $"{lines.Length} lines");
        Assert.All(lines, line =>
        {
            var match = DictionaryLine().Match(line);
            Assert.True(match.Success, $"'{line}' is not 'word frequency tag'");
            Assert.Contains(match.Groups["tag"].Value, tags);
        });
        Assert.Equal(lines.Length, lines.Select(l => l.Split(' ')[0]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Payment_dictionary_holds_the_core_terms()
    {
        string[] core =
        [
            "轧差", "垫资", "备付金", "二类户", "三类户", "一类户", "网联", "清结算", "对账单", "聚合支付", "四要素", "鉴权",
            "代付", "分账", "存管", "收单", "牌照", "断直连", "清算", "结算", "对账", "差错", "退款", "垫付", "头寸", "银联",
            "条码支付", "扫码", "主扫", "被扫", "收银台", "快捷支付", "协议支付", "网关支付", "代扣", "商户号", "子商户",
            "服务商", "特约商户", "收单机构", "支付机构", "持牌", "支付牌照", "预付卡", "跨境支付", "外卡", "风控", "反洗钱",
            "实名认证", "虚拟账户", "电子账户", "账户体系", "会员账户", "余额", "记账", "会计分录", "科目", "幂等",
            "分布式事务", "对账平台", "T+1", "D+0", "MCC", "费率", "手续费", "清分", "备付金账户", "存管银行", "P2P",
            "银行卡", "借记卡", "贷记卡", "POS", "NFC", "银联云闪付", "微信支付", "支付宝", "央行", "人行", "二清", "一清", "条码",
        ];

        Assert.Equal("", string.Join(' ', core.Where(term => !fixture.Segmenter.IsDomainTerm(term))));
    }

    [Fact]
    public void Stop_words_are_one_lower_case_word_per_line()
    {
        var lines = File.ReadAllLines(Path.Combine(ModelsDirectory, "stopwords.txt"));

        Assert.True(lines.Length >= 300, $"{lines.Length} lines");
        Assert.All(lines, line => Assert.Matches(@"^\S+$", line));
        Assert.All(lines, line => Assert.Equal(line.ToLowerInvariant(), line));
        Assert.Contains("哈哈", lines);
        Assert.Contains("the", lines);
    }

    [Fact]
    public void Missing_jieba_dictionary_is_named_in_the_exception()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            ChineseSegmenter.Load(new ChineseSegmenterOptions { JiebaResourcesDirectory = temp }));

        Assert.Equal(Path.Combine(temp, "dict.txt"), error.FileName);
        Assert.Contains(Path.Combine(temp, "dict.txt"), error.Message);
    }

    [Fact]
    public void Missing_user_dictionary_is_named_in_the_exception()
    {
        File.Copy(Path.Combine(ModelsDirectory, "stopwords.txt"), Path.Combine(temp, "stopwords.txt"));

        var error = Assert.Throws<FileNotFoundException>(() =>
            ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = temp }));

        Assert.Equal(Path.Combine(temp, "payment-dict.txt"), error.FileName);
        Assert.Contains("user dictionary", error.Message);
    }

    [Fact]
    public void Missing_stop_words_are_named_in_the_exception()
    {
        File.Copy(Path.Combine(ModelsDirectory, "payment-dict.txt"), Path.Combine(temp, "payment-dict.txt"));

        var error = Assert.Throws<FileNotFoundException>(() =>
            ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = temp }));

        Assert.Equal(Path.Combine(temp, "stopwords.txt"), error.FileName);
    }

    [Theory]
    [InlineData("轧差 abc n")]
    [InlineData("轧差 100")]
    [InlineData("轧差 0 n")]
    [InlineData("轧差 100 N")]
    [InlineData("轧 差 100 n")]
    public void Malformed_user_dictionary_line_is_reported_with_file_and_line(string badLine)
    {
        var path = Path.Combine(temp, "payment-dict.txt");
        File.WriteAllLines(path, ["垫资 500 vn", "", badLine]);
        File.WriteAllLines(Path.Combine(temp, "stopwords.txt"), ["的"]);

        var error = Assert.Throws<SegmenterException>(() =>
            ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = temp }));

        Assert.StartsWith($"{path}:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_user_word_is_reported()
    {
        File.WriteAllLines(Path.Combine(temp, "payment-dict.txt"), ["垫资 500 vn", "垫资 600 vn"]);
        File.WriteAllLines(Path.Combine(temp, "stopwords.txt"), ["的"]);

        var error = Assert.Throws<SegmenterException>(() =>
            ChineseSegmenter.Load(new ChineseSegmenterOptions { ModelsDirectory = temp }));

        Assert.Contains("listed twice", error.Message);
    }

    [Fact]
    public void A_second_jieba_resources_folder_in_the_same_process_is_refused()
    {
        Assert.NotNull(fixture.Segmenter);
        foreach (var file in new[] { "dict.txt", "prob_trans.json", "prob_emit.json", "char_state_tab.json", "pos_prob_start.json", "pos_prob_trans.json", "pos_prob_emit.json", "idf.txt" })
        {
            File.WriteAllText(Path.Combine(temp, file), "");
        }

        var error = Assert.Throws<SegmenterException>(() =>
            ChineseSegmenter.Load(new ChineseSegmenterOptions { JiebaResourcesDirectory = temp }));

        Assert.Contains(temp, error.Message);
    }

    [GeneratedRegex(@"^(?<word>[^\s]+) (?<freq>[1-9][0-9]*) (?<tag>[a-z]+)$")]
    private static partial Regex DictionaryLine();
}
