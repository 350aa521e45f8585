using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// The real <c>kb build</c> and <c>kb export</c> of a day full of personal data (the user test's sample, with a landline, a QQ
/// number and a dot-grouped mobile added): none of it reaches faq.json or any export, with or without anonymized speakers.
/// </summary>
public sealed class PersonalDataExportTests : IDisposable
{
    private const string Day = """
        ---
        layout:     source
        title:      "2024-05-10-WeChat"
        date:       2024-05-10 12:00:00
        author:     PaymentGroup
        tag:		  [chat]
        ---
        > 09:00:01  张伟-13912345678-支付-上海  
           
        请问二类户的非绑定账户转入限额是多少？有做过的朋友吗？我手机13812345678，邮箱zhang.wei@example.com  
           
        > 09:01:30  李娜-合众支付-产品-北京  
           
        @张伟-13912345678-支付-上海 二类户非绑定账户转入日累计限额1万，年累计20万。有问题加我微信 lina_pay2018 或 wxid_8x7y6z5w4v，电话 138-1234-5679，座机021-62345678，QQ：87654321，身份证110101199003074514  
           
        > 09:02:10  张伟-13912345678-支付-上海  
           
        明白了，谢谢  
           
        > 09:05:00  王强  
           
        请问退款的时候银行卡号6222021234567894这种要怎么脱敏存储？有没有规范？  
           
        > 09:06:40  赵敏-某银行-架构-深圳  
           
        @王强 按PCI DSS要求，卡号只保留前六后四，比如 6222 0212 3456 7894 存成 622202******7894，联系 zhaomin@bank.cn 或 +86 13700001111，深圳办公室 0755-8888 8888，手机 138.1234.5676  
           
        > 09:07:10  王强  
           
        收到，多谢  

        """;

    private static readonly string[] PersonalData =
    [
        "lina_pay2018", "wxid_8x7y6z5w4v", "021-62345678", "87654321", "0755-8888 8888", "138.1234.5676",
        "13912345678", "13812345678", "138-1234-5679", "110101199003074514", "6222021234567894", "zhaomin@bank.cn", "13700001111",
    ];

    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [KbBuiltFact]
    public void No_personal_data_reaches_faq_json_or_any_export()
    {
        work.Write(Path.Combine("in", "payments", "2024-05-10-chat.markdown"), Day);
        var output = Path.Combine(work.Path, "out");
        var faq = Path.Combine(output, "faq.json");
        var (built, _, buildErrors) = KbProcess.Run("build", Path.Combine(work.Path, "in"), "--out", output, "--no-cache");
        Assert.True(built == 0, buildErrors);
        Assert.Contains("[微信号]", File.ReadAllText(faq), StringComparison.Ordinal);

        foreach (var format in new[] { "json", "markdown", "html" })
        {
            foreach (var anonymize in new[] { false, true })
            {
                var folder = Path.Combine(work.Path, $"{format}-{anonymize}");
                string[] arguments = anonymize
                    ? ["export", "--format", format, "--in", faq, "--out", folder, "--anonymize-speakers"]
                    : ["export", "--format", format, "--in", faq, "--out", folder];
                var (code, _, errors) = KbProcess.Run(arguments);
                Assert.True(code == 0, errors);
            }
        }

        var files = Directory.GetFiles(work.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}in{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith(".db", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 10, $"only {files.Count} output files");
        Assert.All(files, file =>
        {
            var text = File.ReadAllText(file);
            Assert.All(PersonalData, value => Assert.False(text.Contains(value, StringComparison.Ordinal), $"{value} in {file}"));
        });
    }
}
