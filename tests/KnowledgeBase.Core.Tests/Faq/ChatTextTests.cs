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
    [InlineData("谢谢，@张三?明白了", "谢谢，明白了")]
    [InlineData("@何卓-翼支付-风险经理-上海\u2005风控规则多久更新", "风控规则多久更新")]
    [InlineData("这个架构是支付宝的架构？@秋秋-Alipay-产品-上海?", "这个架构是支付宝的架构？")]
    [InlineData("受281文影响大吗？@吕文伟-兴业银行-PM-上海?@范小亮-兴业数金-产品研发-上海?", "受281文影响大吗？")]
    [InlineData("他的哪些业务是实现发卡行的功能呢？@张洋-旅付天下-技术-北京?谢谢", "他的哪些业务是实现发卡行的功能呢？谢谢")]
    [InlineData("@范小亮-兴业数金-产品研发-上海 @朱文义-廊银-架构师-北京 网联你们已经在切量跑了？", "网联你们已经在切量跑了？")]
    [InlineData("[偷笑]@李玉福@农信互联?目前我们的主要针对黄牛", "目前我们的主要针对黄牛")]
    [InlineData("好的@MyCity 已发到邮箱，查收一下", "好的 已发到邮箱，查收一下")]
    [InlineData("哈哈， @ark-滴滴-开发  确认下上午关于滴滴的报道是真的吗？", "哈哈， 确认下上午关于滴滴的报道是真的吗？")]
    public void An_addressee_at_the_start_or_end_is_removed(string text, string expected) => Assert.Equal(expected, Clean(text));

    // From the corpus build: the sentence lost the person it names.
    [Theory]
    [InlineData("新入群的@冷暖自知  是做风控的。", "新入群的@冷暖自知 是做风控的。")]
    [InlineData("昵称是个问题，有群昵称和个人昵称。看看@颜小刚-爱贝-架构研发-深圳 的方案。", "昵称是个问题，有群昵称和个人昵称。看看@颜小刚 的方案。")]
    [InlineData("我的看法和@thq-51信用卡 一致，目前看到只是广东这边", "我的看法和@thq 一致，目前看到只是广东这边")]
    [InlineData("多谢@亚楠 的分享?问题多的话后续再交流", "多谢@亚楠 的分享?问题多的话后续再交流")]
    [InlineData("没时间，不想看UX@英—现金贷—产品 你说", "没时间，不想看UX@英 你说")]
    [InlineData("今晚分享嘉宾是@木林化-嘉联支付-资金平台PM?主题内容是POS收单清洁算", "今晚分享嘉宾是@木林化 主题内容是POS收单清洁算")]
    [InlineData("看看@车睿??-支付-北京 的方案", "看看@车睿 的方案")]
    [InlineData("@summer  群里的@Grace_常露 @一wan白水 @Charley  都是搞跨境的。", "群里的@Grace_常露 @一wan白水 @Charley 都是搞跨境的。")]
    [InlineData("看起来网联的商业委托能解决这个问题，@韩伟-双乾支付-技术-苏州 你们接入网联了吗", "看起来网联的商业委托能解决这个问题，@韩伟 你们接入网联了吗")]
    public void A_mention_inside_a_sentence_is_the_persons_name(string text, string expected) => Assert.Equal(expected, Clean(text));

    // From the corpus build: the rest of a nick the mention parser stopped short of was left in the text.
    [Theory]
    [InlineData("@王浩@平安银行总行 深圳 平安银行在线支付产品有支持微信和支付宝（不是扫码）？", "平安银行在线支付产品有支持微信和支付宝（不是扫码）？")]
    [InlineData("@Summer 梁夏-丰瑞祥-GM-BJ 蚂蚁金服有哪些？是公开的。", "蚂蚁金服有哪些？是公开的。")]
    [InlineData("@凡艳辉 | 即信 | 产品 | 上海 司法这块提供证明是个什么流程", "司法这块提供证明是个什么流程")]
    [InlineData("@Jin He 何瑾|新生|跨境支付 微信不承担清算，以及清算过程的反洗钱", "微信不承担清算，以及清算过程的反洗钱")]
    [InlineData("都要二次确认，到底刷什么@罗科勤 银联 风控产品经理?", "都要二次确认，到底刷什么")]
    [InlineData("@Kylin Rpay MD AUS 请问你们负责结算资金给商户吗？", "请问你们负责结算资金给商户吗？")]
    [InlineData("鉴权@范昌彬 平安金科 支付 上海，当然，京东可以将已知的告诉你", "鉴权@范昌彬，当然，京东可以将已知的告诉你")]
    public void The_rest_of_a_nick_goes_with_the_mention(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("@@网联 张腕越?纯好玩，请教下，rmb加入sdr的影响是什么？", "纯好玩，请教下，rmb加入sdr的影响是什么？")]
    [InlineData("@所有人群里都是各家支付公司的吗？", "群里都是各家支付公司的吗？")]
    [InlineData("@all  谁有最新的联行号啊？", "谁有最新的联行号啊？")]
    [InlineData("今晚八点分享@所有人 欢迎参加", "今晚八点分享 欢迎参加")]
    [InlineData("即在见证专户下给商户开立的虚户？@", "即在见证专户下给商户开立的虚户？")]
    public void Everyone_doubled_and_bare_at_signs_leave_nothing(string text, string expected) => Assert.Equal(expected, Clean(text));

    [Theory]
    [InlineData("哪里\u0010？", "哪里？")]
    [InlineData("？江西银行存管平台开的都是二类户", "江西银行存管平台开的都是二类户")]
    [InlineData("@鸽子-支付产品-上海 ，218也有", "218也有")]
    [InlineData("。。。。你如果被秋秋老师看到会吐血的", "你如果被秋秋老师看到会吐血的")]
    [InlineData("?死锁是尽量要辟免的", "死锁是尽量要辟免的")]
    [InlineData(".NET 的版本", ".NET 的版本")]
    [InlineData("“证明” 本身么", "“证明” 本身么")]
    [InlineData("？", "？")]
    public void Control_characters_and_punctuation_left_at_the_start_go(string text, string expected) => Assert.Equal(expected, Clean(text));

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
    [InlineData("同求", true)]
    [InlineData("坐等，mark", true)]
    [InlineData("同求资料，谢谢", false)]
    [InlineData("对的，5万", false)]
    [InlineData("是的，要备案", false)]
    [InlineData("对了", false)]
    [InlineData("", false)]
    public void Chatter_is_a_message_of_acknowledgements_laughs_and_thanks_only(string text, bool chatter) =>
        Assert.Equal(chatter, ChatText.IsChatter(text));

    // From the corpus build: an opener cut from the word it starts, or a form of address left after it.
    [Theory]
    [InlineData("大家的线上应用系统都有监控吗？", "大家的线上应用系统都有监控吗？")]
    [InlineData("大家说的聚合支付是个什么意思，举个例子？", "大家说的聚合支付是个什么意思，举个例子？")]
    [InlineData("各位都是合规大神，能跟着你们学", "各位都是合规大神，能跟着你们学")]
    [InlineData("请问个网联文档上的问题。 网联附录里支付交易类别多呢？", "请问个网联文档上的问题。 网联附录里支付交易类别多呢？")]
    [InlineData("请教了除了平安银行的见证宝 还有哪家银行有这种分账系统呀", "请教了除了平安银行的见证宝 还有哪家银行有这种分账系统呀")]
    [InlineData("his不对接互联网，这样产品下来没对接互联网吗？", "his不对接互联网，这样产品下来没对接互联网吗？")]
    [InlineData("hi，网联什么时候切量？", "网联什么时候切量？")]
    [InlineData("各位大牛们，请教个问题，我们在设计支付系统时怎么分财务和会计系统？", "我们在设计支付系统时怎么分财务和会计系统？")]
    [InlineData("各位大神们，你们有没有好的农行付款通道推荐呀", "你们有没有好的农行付款通道推荐呀")]
    [InlineData("请教各位大仙一个问题，如果把银行二类户做成钱包，走的通吗？", "如果把银行二类户做成钱包，走的通吗？")]
    [InlineData("请教各位大咖们一个问题～ 现在上传备付金核对校验表怎么处理？", "现在上传备付金核对校验表怎么处理？")]
    [InlineData("请问各位大神一个问题哈，微信支付提供担保交易的功能不", "微信支付提供担保交易的功能不")]
    [InlineData("请教一下所谓的要素支付是指什么", "所谓的要素支付是指什么")]
    [InlineData("大侠们，有谁了解做房产认证的渠道吗？", "有谁了解做房产认证的渠道吗？")]
    [InlineData("问下朋友圈能不能发广告", "朋友圈能不能发广告")]
    [InlineData("大家有人做过微信扫码开发票的东西么", "有人做过微信扫码开发票的东西么")]
    [InlineData("咨询下；在国外做现金贷，有谁有熟悉的三方支付通道", "在国外做现金贷，有谁有熟悉的三方支付通道")]
    [InlineData("？江西银行存管平台开的都是二类户吗", "江西银行存管平台开的都是二类户吗")]
    public void An_opener_goes_only_where_it_ends(string text, string expected) => Assert.Equal(expected, ChatText.StripOpeners(text));

    // From the corpus build: openers of consulting, of asking shyly or by the way, and what they leave when the question
    // follows a separator; not where they start a word (问问题, 求教程, 咨询个事情).
    [Theory]
    [InlineData("咨询个问题： 有人知道哪家银行支持虚拟户吗", "有人知道哪家银行支持虚拟户吗")]
    [InlineData("咨询大家一个问题，网联的手续费怎么收", "网联的手续费怎么收")]
    [InlineData("咨询各位大咖个问题，聚合支付要牌照吗", "聚合支付要牌照吗")]
    [InlineData("弱弱的问一下，什么是二清？", "什么是二清？")]
    [InlineData("弱弱问一句 备付金利息归谁", "备付金利息归谁")]
    [InlineData("顺便问问，银联的品牌费怎么算", "银联的品牌费怎么算")]
    [InlineData("求教各位，对账文件几点出", "对账文件几点出")]
    [InlineData("问个事，快捷支付还能签约吗", "快捷支付还能签约吗")]
    [InlineData("请教一个，对账遇到的问题", "对账遇到的问题")]
    [InlineData("问问题之前先搜一下聊天记录", "问问题之前先搜一下聊天记录")]
    [InlineData("求教程，网联接入的", "求教程，网联接入的")]
    [InlineData("咨询个事情的处理流程", "咨询个事情的处理流程")]
    public void Openers_of_consulting_and_asking_by_the_way_go(string text, string expected) => Assert.Equal(expected, ChatText.StripOpeners(text));

    // From the corpus build: the members an opener calls on went only in part ("群里大佬们，", "技术大牛 P2P…" were left).
    [Theory]
    [InlineData("请问群里大佬们，你们网联接入了吗", "你们网联接入了吗")]
    [InlineData("请教下各位技术大牛 P2P存管怎么做", "P2P存管怎么做")]
    [InlineData("群里银联的大神们，品牌费怎么收", "品牌费怎么收")]
    [InlineData("群里各位专业人士，断直连以后怎么走", "断直连以后怎么走")]
    [InlineData("群里高手大神们，有没有做过跨境", "有没有做过跨境")]
    [InlineData("群里的各位，二清怎么定义", "二清怎么定义")]
    [InlineData("请教各位做支付的朋友一个问题，退款要多久", "退款要多久")]
    [InlineData("群里小伙伴们，谁有网联的文档", "谁有网联的文档")]
    [InlineData("请问群里有没有大佬做过网联", "群里有没有大佬做过网联")]
    [InlineData("群里有大佬，能看下这个报错吗", "群里有大佬，能看下这个报错吗")]
    [InlineData("各位都是合规的大神吗", "各位都是合规的大神吗")]
    [InlineData("群里的朋友圈广告怎么处理", "群里的朋友圈广告怎么处理")]
    public void The_members_an_opener_calls_on_go_with_it(string text, string expected) => Assert.Equal(expected, ChatText.StripOpeners(text));

    // From the corpus build: a question that starts by calling on someone by a form of address and a comma. The names
    // of the members are not known here, so "ark，" or "秋秋，" stay.
    [Theory]
    [InlineData("老大，让我定义某些用户是不是刷单用户，咋办啊？", "让我定义某些用户是不是刷单用户，咋办啊？")]
    [InlineData("群主，有没有什么坑啊，效果如何？", "有没有什么坑啊，效果如何？")]
    [InlineData("冬主席，网联的二维码标准出了吗", "网联的二维码标准出了吗")]
    [InlineData("all，网联是什么呢", "网联是什么呢")]
    [InlineData("老大难问题，对账怎么自动化", "老大难问题，对账怎么自动化")]
    [InlineData("群主说的对账方案在哪", "群主说的对账方案在哪")]
    [InlineData("老板，", "老板，")]
    [InlineData("ark，那么那种在途交易的资金怎么处理？", "ark，那么那种在途交易的资金怎么处理？")]
    public void A_form_of_address_that_starts_a_question_goes(string text, string expected) => Assert.Equal(expected, ChatText.StripOpeners(text));

    // Mentions as the reader lists them for a message.
    private static string Clean(string text) => ChatText.Clean(text, MentionParser.Find(text));
}
