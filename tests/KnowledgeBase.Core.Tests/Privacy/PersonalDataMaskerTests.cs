using KnowledgeBase.Core.Privacy;

namespace KnowledgeBase.Core.Tests.Privacy;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("卡号6222021234567890128，麻烦查下", "卡号[银行卡号]，麻烦查下")]
    [InlineData("卡号 6222 0212 3456 7894 到账了吗", "卡号 [银行卡号] 到账了吗")]
    [InlineData("4111-1111-1111-1111", "[银行卡号]")]
    [InlineData("6212260200123454(15位)", "[银行卡号](15位)")]
    [InlineData("身份证11010519491231002X，姓名张三", "身份证[身份证号]，姓名张三")]
    [InlineData("身份证号 11010519491231002x。", "身份证号 [身份证号]。")]
    [InlineData("440301199003071230", "[身份证号]")]
    [InlineData("440301 19900307 1230", "[身份证号]")]
    [InlineData("电话13812345678找我", "电话[手机号]找我")]
    [InlineData("电话：138 1234 5678", "电话：[手机号]")]
    [InlineData("电话：138-1234-5678。", "电话：[手机号]。")]
    [InlineData("+86 13912345678", "[手机号]")]
    [InlineData("+8615912345678", "[手机号]")]
    [InlineData("发邮件到 zhang.san@example.com 或 12345678@qq.com", "发邮件到 [邮箱] 或 [邮箱]")]
    [InlineData("联系 li-si_01@pay.example.com.cn。", "联系 [邮箱]。")]
    [InlineData("我的邮箱1042026665@qq.com 先谢谢了。", "我的邮箱[邮箱] 先谢谢了。")]
    [InlineData("手机１３８１２３４５６７８", "手机[手机号]")]
    [InlineData("https://pay.example.com/bind?mobile=13812345678&card=6222021234567894", "https://pay.example.com/bind?mobile=[手机号]&card=[银行卡号]")]
    [InlineData("比如百度钱包 0100000073863457收入人民币", "比如百度钱包 [银行卡号]收入人民币")]
    [InlineData("卡6222021234567894手机13812345678邮箱a@b.cn", "卡[银行卡号]手机[手机号]邮箱[邮箱]")]
    [InlineData("有问题加我微信 lina_pay2018 或 wxid_8x7y6z5w4v，电话 138-1234-5679", "有问题加我微信 [微信号] 或 [微信号]，电话 [手机号]")]
    [InlineData("我朋友微信号WilliamZhang23", "我朋友微信号[微信号]")]          // corpus, proddev/2017-08-01
    [InlineData("或电话联系18515359890或微信pay18515359890。", "或电话联系[手机号]或微信[微信号]。")] // corpus, proddev/2018-05-14
    [InlineData("wxid_qhkxd55gv3c221:", "[微信号]:")]                           // a raw export's sender id
    [InlineData("@wxid_n0w45t0smsd141?同在深圳", "@[微信号]?同在深圳")]
    [InlineData("vx: zhangsan_pay，WX号：paygirl", "vx: [微信号]，WX号：[微信号]")]
    [InlineData("V信 abc-123456 找我", "V信 [微信号] 找我")]
    [InlineData("简历发QQ邮箱（5370380），QQ：123456789。", "简历发QQ邮箱（[QQ号]），QQ：[QQ号]。")]
    [InlineData("qq号 10001", "qq号 [QQ号]")]
    [InlineData("座机021-62345678，或 0755-8888 8888", "座机[座机号]，或 [座机号]")]
    [InlineData("办公室010 6234 5678", "办公室[座机号]")]
    [InlineData("手机138.1234.5676。", "手机[手机号]。")]
    public void Masks_personal_data(string text, string expected) => Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("订单号2018030512345672已退款")]          // date-prefixed order number that happens to pass Luhn
    [InlineData("订单号 P13812345678 请核实")]             // letters and digits: an identifier, not a phone
    [InlineData("流水号ORD6222021234567894")]             // a card-shaped tail inside an order number
    [InlineData("交易金额1000000.00元")]                  // amount
    [InlineData("金额13812345678.50元")]                   // phone-shaped integer part of an amount
    [InlineData("2018年对账文件20180305已上传")]          // date
    [InlineData("时间戳1520217600002，秒级1520217600")]    // millisecond timestamp passing Luhn, second timestamp
    [InlineData("20180305143000 的交易")]                  // yyyyMMddHHmmss
    [InlineData("这笔6222021234567890不对")]               // 16 digits failing Luhn
    [InlineData("1234567812345678")]                       // 16 digits failing Luhn
    [InlineData("440301199003071231")]                     // ID with a wrong check digit (and failing Luhn)
    [InlineData("213812345678")]                           // phone inside a longer digit run
    [InlineData("13812345678900")]                         // phone at the start of a longer digit run
    [InlineData("12812345678")]                            // 12x is no mobile prefix
    [InlineData("@张三 你好，@李四-银联-产品 看下")]       // mentions are not e-mail addresses
    [InlineData("见 https://www.sec.gov/Archives/edgar/data/1346610/000119312517140734/d146303df1a.htm")] // URL path id
    [InlineData("![图片](http://img.example.com/6222021234567894/a.png)")]
    [InlineData("费率0.38%，T+1到账，单笔5万")]
    [InlineData("版本 v1.2.3，端口 8080")]
    [InlineData("https://wxapp.tenpay.com/mmpayhb/wxhb_personalreceive?showwxpaytitle=1")] // corpus: a red-packet link
    [InlineData("见 https://pay.weixin.qq.com/wechatpay_guide/isp_list.shtml")]             // corpus: a guide link
    [InlineData("appid wxd678efh567hg6787 的公众号")]                                         // an app id, not a person
    [InlineData("微信 native 支付和微信JSAPI支付，微信H5")]
    [InlineData("微信支付分账，weixin Payment 跨境")]
    [InlineData("拉个QQ群123456789")]                                          // a group, not a person
    [InlineData("http://tech.qq.com/a/20180131/025613.htm")]
    [InlineData("四川航空的热线028-88888888，客服 0755-8888 8888")]            // corpus: a company's hotline
    [InlineData("2018-03-05 10:30:00 退款，费率0.6%，区号0755")]
    [InlineData("卡BIN 622202，订单号 2018030512345672，金额 1,234.56")]
    [InlineData("IP 192.168.100.1，版本 138.1234.5676.1")]
    public void Leaves_look_alikes_alone(string text) => Assert.Same(text, PersonalDataMasker.Mask(text));

    [Fact]
    public void Find_reports_kind_and_exact_span()
    {
        const string text = "张三 13812345678 zs@example.com 6222021234567894 11010519491231002X";

        var matches = PersonalDataMasker.Find(text);

        Assert.Equal(
            [
                new PersonalDataMatch(PersonalDataKind.MobilePhone, 3, 11),
                new PersonalDataMatch(PersonalDataKind.Email, 15, 14),
                new PersonalDataMatch(PersonalDataKind.BankCard, 30, 16),
                new PersonalDataMatch(PersonalDataKind.ResidentId, 47, 18),
            ],
            matches);
    }

    [Fact]
    public void Grouped_run_with_two_numbers_masks_both()
    {
        Assert.Equal("[银行卡号] [手机号]", PersonalDataMasker.Mask("6222 0212 3456 7894 139 8765 4321"));
    }
}
