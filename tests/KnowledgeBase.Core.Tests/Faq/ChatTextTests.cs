using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Faq;

public sealed class ChatTextTests
{
    [Theory]
    [InlineData("我的邮箱1042026665@qq.com [抱拳] 先谢谢了。", "我的邮箱1042026665@qq.com 先谢谢了。")]
    [InlineData("发到 cheng.xi@example.com 就行", "发到 cheng.xi@example.com 就行")]
    [InlineData("简历发 a_b%c+d-e@mail.example.com，谢谢", "简历发 a_b%c+d-e@mail.example.com，谢谢")]
    [InlineData("邮箱：zs@example.cn?", "邮箱：zs@example.cn?")]
    [InlineData("@张三 我的邮箱zhangsan@qq.com 麻烦发我", "我的邮箱zhangsan@qq.com 麻烦发我")]
    public void An_e_mail_address_is_kept_whole(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("好的@张三 收到", "好的 收到")]
    [InlineData("好的@张三", "好的")]
    [InlineData("谢谢，@张三?明白了", "谢谢， 明白了")]
    [InlineData("@何卓-翼支付-风险经理-上海\u2005风控规则多久更新", "风控规则多久更新")]
    [InlineData("没时间，不想看UX@英—现金贷—产品 你说", "没时间，不想看UX 你说")]
    public void A_mention_is_removed(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("@冯威-微保科技- COO?三方支付机构受网联邀请在京办培训会", "三方支付机构受网联邀请在京办培训会")]
    [InlineData("@网联 张腕越?银联卡品牌费网联需要给银联吗？", "银联卡品牌费网联需要给银联吗？")]
    [InlineData("@张于刚-支付产品??-杭州?网联现在还没有类似条码的接口是吧？", "网联现在还没有类似条码的接口是吧？")]
    [InlineData("@李艳鹏 - 蚂蚁 - 高级技术专家?数据迁移的必要性", "数据迁移的必要性")]
    public void A_nick_with_a_space_or_lost_emoji_is_removed_up_to_the_separator_after_it(string text, string expected) =>
        Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("@张三 你怎么看?我觉得可以", "你怎么看?我觉得可以")]
    [InlineData("@张三 在吗?", "在吗?")]
    [InlineData("@张三 可以T+1?还是T+0", "可以T+1?还是T+0")]
    [InlineData("多谢@亚楠 的分享?问题多的话后续再交流", "多谢 的分享?问题多的话后续再交流")]
    [InlineData("@张三 好的 一起?", "好的 一起?")]
    public void Text_after_a_mention_that_is_no_nick_is_kept(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Fact]
    public void A_mentioned_name_that_looks_like_a_domain_is_not_cut_out_of_an_address() =>
        Assert.Equal("你好，我的邮箱1042026665@qq.com", Clean("@qq.com 你好，我的邮箱1042026665@qq.com"));

    [Theory]
    [InlineData("好的[微笑]明白了[坏笑]", "好的 明白了")]
    [InlineData("[OK] 就这么办", "就这么办")]
    [InlineData("可以[强][强]", "可以")]
    public void Wechat_emoji_codes_are_removed(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("详见 [对账规范](https://example.com/recon) 第三章", "详见 [对账规范](https://example.com/recon) 第三章")]
    [InlineData("流程图见 ![图](http://example.com/a.png) [微笑]", "流程图见 ![图](http://example.com/a.png)")]
    [InlineData("看[OK](https://x.example/ok)", "看[OK](https://x.example/ok)")]
    public void A_markdown_link_or_image_keeps_its_short_title(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("好的", true)]
    [InlineData("好的。", true)]
    [InlineData("嗯，对的", true)]
    [InlineData("哈哈，厉害！", true)]
    [InlineData("好的 谢谢分享~", true)]
    [InlineData("对的，5万", false)]
    [InlineData("是的，要备案", false)]
    [InlineData("对了", false)]
    [InlineData("", false)]
    public void Chatter_is_a_message_of_acknowledgements_laughs_and_thanks_only(string text, bool chatter) =>
        Assert.Equal(chatter, ChatText.IsChatter(text));

    // Mentions as the reader lists them for a message.
    private static string Clean(string text) => ChatText.Clean(text, MentionParser.Find(text));
}
