using System.Text;
using System.Text.RegularExpressions;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Privacy;
using KnowledgeBase.Core.Reading;
using KnowledgeBase.Core.Tests.Export;

namespace KnowledgeBase.Core.Tests.Privacy;

public sealed partial class DocumentMaskingTests
{
    [Fact]
    public void Default_options_mask_every_text_and_leave_the_original_alone()
    {
        var original = SampleDocuments.Payments();

        var masked = PersonalDataMasker.Mask(original, MaskingOptions.Default);

        var json = Json(masked);
        Assert.DoesNotContain("13812345678", json);
        Assert.DoesNotContain("6222021234567894", json);
        Assert.DoesNotContain("li.si@example.com", json);
        Assert.Contains("急，电话[手机号]", json);
        Assert.Contains("卡号[银行卡号]", json);
        Assert.Contains("邮件 [邮箱]", json);
        Assert.Equal("邮件 [邮箱]", masked.Exchanges[1].Messages[1].Message.Quote!.Reply[^7..]);
        Assert.Contains("张三-某银行-产品-上海", json);
        Assert.Contains("13812345678", Json(original));
    }

    [Fact]
    public void Nothing_asked_gives_the_same_document()
    {
        var original = SampleDocuments.Payments();

        Assert.Same(original, PersonalDataMasker.Mask(original, new MaskingOptions { MaskPersonalData = false }));
    }

    [Fact]
    public void No_mask_keeps_personal_data_while_anonymizing()
    {
        var masked = PersonalDataMasker.Mask(
            SampleDocuments.Payments(),
            new MaskingOptions { MaskPersonalData = false, AnonymizeSpeakers = true, PseudonymKey = "k" });

        var json = Json(masked);
        Assert.Contains("13812345678", json);
        Assert.DoesNotContain("张三", json);
    }

    [Fact]
    public void Anonymized_speakers_get_one_stable_pseudonym_per_person()
    {
        var options = new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "test-key" };

        var masked = PersonalDataMasker.Mask(SampleDocuments.Payments(), options);

        var licence = masked.Exchanges[0].Messages;
        var payout = masked.Exchanges[1].Messages;
        var payoutAgain = masked.Exchanges[2].Messages;
        var zhang = licence[0].Message.Speaker.Raw;
        var li = licence[1].Message.Speaker.Raw;
        var hacker = payout[0].Message.Speaker.Raw;
        Assert.Matches(PseudonymPattern(), zhang);
        Assert.Equal(zhang, payoutAgain[0].Message.Speaker.Raw);
        Assert.Equal(li, payout[1].Message.Speaker.Raw);
        Assert.Equal(li, masked.Entries[1].Experts[0].Name);
        Assert.Equal(hacker, masked.Entries[1].Experts[1].Name);
        Assert.Equal(4, new[] { zhang, li, hacker, licence[2].Message.Speaker.Raw }.Distinct().Count());
        Assert.Equal($"@{zhang} 全国性的一个亿实缴，看央行2号令", licence[1].Message.Body);
        Assert.Equal([zhang], licence[1].Message.Mentions);
        Assert.StartsWith($"「{hacker}：", payout[1].Message.Body, StringComparison.Ordinal);
        Assert.Equal(hacker, payout[1].Message.Quote!.Name);
        Assert.Null(masked.Entries[0].Experts[0].Company);
        Assert.Equal($"{li}：全国性的一个亿实缴，看央行2号令", masked.Entries[0].Answer);
        Assert.Equal($"{li}：先看对账单的失败码 <img src=x onerror=alert(1)>\n{li}：多半是备付金不足 & 限额", masked.Entries[1].Answer);

        var json = Json(masked);
        foreach (var name in new[] { "张三", "李四", "王五", "坏人", "某银行" })
        {
            Assert.DoesNotContain(name, json);
        }

        var again = PersonalDataMasker.Mask(SampleDocuments.Payments(), options);
        Assert.Equal(json, Json(again));
        var otherKey = PersonalDataMasker.Mask(SampleDocuments.Payments(), options with { PseudonymKey = "another key" });
        Assert.NotEqual(zhang, otherKey.Exchanges[0].Messages[0].Message.Speaker.Raw);
    }

    [Fact]
    public void Anonymized_names_in_running_text_and_keywords_are_replaced_when_safe_to_find()
    {
        var gong = new Speaker("龚晓冬-清结算-北京", "龚晓冬", "清结算", null, "北京");
        var product = new Speaker("支付产品", "支付产品");
        var cheng = new Speaker("聚合支付_程昱", "程昱");
        var document = SampleDocuments.Payments();
        var talk = new Exchange(
            "x-talk",
            "proddev/2018-03-06-chat.markdown",
            [
                new ExchangeMessage(SampleDocuments.Message("proddev/2018-03-06-chat.markdown", 3, "2018-03-06T10:00:00", product, "轧差怎么读？"), MessageRole.Question),
                new ExchangeMessage(SampleDocuments.Message("proddev/2018-03-06-chat.markdown", 5, "2018-03-06T10:01:00", gong, "zha"), MessageRole.Answer),
                new ExchangeMessage(SampleDocuments.Message("proddev/2018-03-06-chat.markdown", 7, "2018-03-06T10:02:00", cheng, "龚晓冬说的对，支付产品经理都读zha，聚合支付_程昱同意，程昱也是"), MessageRole.Context),
                new ExchangeMessage(SampleDocuments.Message("proddev/2018-03-06-chat.markdown", 9, "2018-03-06T10:03:00", gong, "对吗@[聚合支付_PM]程昱? 问@【清结算】龚晓冬-清结算-北京 @[无名]某人"), MessageRole.Context),
            ],
            0.8,
            "t-licence");
        document = document with
        {
            Exchanges = [.. document.Exchanges, talk],
            Topics = [document.Topics[0] with { Keywords = ["牌照", "龚晓冬", "程昱"], Label = "牌照 · 龚晓冬" }, document.Topics[1]],
        };

        var masked = PersonalDataMasker.Mask(document, new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" });

        var messages = masked.Exchanges[^1].Messages.Select(m => m.Message).ToList();
        var (g, c) = (messages[1].Speaker.Raw, messages[2].Speaker.Raw);
        Assert.Equal($"{g}说的对，支付产品经理都读zha，{c}同意，程昱也是", messages[2].Body);
        // A company or role in brackets before a mentioned name goes with it; a name nobody has stays.
        Assert.Equal($"对吗@{c}? 问@{g} @[无名]某人", messages[3].Body);
        Assert.Equal(["牌照"], masked.Topics[0].Keywords);
        Assert.Equal($"牌照 · {g}", masked.Topics[0].Label);
    }

    [Fact]
    public void The_rest_of_a_nick_the_mentioned_name_stopped_short_of_goes_with_the_pseudonym()
    {
        var asker = new Speaker("小王", "小王");
        var document = SampleDocuments.Payments();
        const string Path = "proddev/2018-03-06-chat.markdown";
        var talk = new Exchange(
            "x-nick",
            Path,
            [
                new ExchangeMessage(SampleDocuments.Message(Path, 3, "2018-03-06T10:00:00", asker, "@网联 张腕越?银联卡品牌费网联需要给银联吗？", mentions: MentionParser.Find("@网联 张腕越?银联卡品牌费网联需要给银联吗？")), MessageRole.Question),
                new ExchangeMessage(SampleDocuments.Message(Path, 5, "2018-03-06T10:01:00", asker, "@Summer 梁夏-丰瑞祥-GM-BJ  恩恩 我说这个必须直接签吗", mentions: MentionParser.Find("@Summer 梁夏-丰瑞祥-GM-BJ  恩恩 我说这个必须直接签吗")), MessageRole.Context),
                new ExchangeMessage(SampleDocuments.Message(Path, 7, "2018-03-06T10:02:00", asker, "@网联 你怎么看?我觉得可以", mentions: MentionParser.Find("@网联 你怎么看?我觉得可以")), MessageRole.Context),
            ],
            0.8,
            "t-licence");
        document = document with { Exchanges = [.. document.Exchanges, talk] };

        var masked = PersonalDataMasker.Mask(document, new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" });

        var bodies = masked.Exchanges[^1].Messages.Select(m => m.Message.Body).ToList();
        Assert.Matches("^@成员-[0-9A-F]{4,}\\?银联卡品牌费网联需要给银联吗？$", bodies[0]);
        Assert.Matches("^@成员-[0-9A-F]{4,}  恩恩 我说这个必须直接签吗$", bodies[1]);
        Assert.Matches("^@成员-[0-9A-F]{4,} 你怎么看\\?我觉得可以$", bodies[2]);
    }

    [Theory]
    [InlineData("「 王文: 各位，ofo退款怎么到微信的 」 - - - - - - - - 走的企业付款")]
    [InlineData("「\u3000王文：各位，ofo退款怎么到微信的」 - - - - 走的企业付款")]
    [InlineData("「  Kylin Rpay MD AUS: 后台自动分帐 」 - - - - 如果是支付公司的话")]
    public void A_quoted_name_after_spaces_in_the_bracket_is_replaced(string body)
    {
        // As in the corpus (prodarch/2018-04-03, 2017-12-27): two-character and Latin names are not looked for in running text.
        var quote = QuotedReplyParser.Parse(body)!;
        var quoted = new Speaker(quote.Name, quote.Name);
        var asker = new Speaker("小王", "小王");
        const string Path = "prodarch/2018-04-03-chat.markdown";
        var talk = new Exchange(
            "x-quote",
            Path,
            [
                new ExchangeMessage(SampleDocuments.Message(Path, 3, "2018-04-03T10:00:00", quoted, "各位，ofo退款怎么到微信的"), MessageRole.Question),
                new ExchangeMessage(SampleDocuments.Message(Path, 5, "2018-04-03T10:01:00", asker, body, quote: quote), MessageRole.Answer),
            ],
            0.8,
            "t-licence");
        var document = SampleDocuments.Payments() with { Exchanges = [talk] };

        var masked = PersonalDataMasker.Mask(document, new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" });

        var messages = masked.Exchanges[0].Messages.Select(m => m.Message).ToList();
        var pseudonym = messages[0].Speaker.Raw;
        Assert.DoesNotContain(quote.Name, messages[1].Body, StringComparison.Ordinal);
        Assert.Equal(body.Replace(quote.Name, pseudonym, StringComparison.Ordinal), messages[1].Body);
        Assert.Equal(pseudonym, messages[1].Quote!.Name);
    }

    [Theory]
    [InlineData("another key")]
    [InlineData(null)]
    public void An_anonymized_faq_json_anonymized_again_keeps_its_pseudonyms(string? key)
    {
        // Read back, "成员-6A34" parses as the name 成员 of company 6A34: taken as a nick, every pseudonym was one person.
        var once = Json(PersonalDataMasker.Mask(SampleDocuments.Payments(), new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" }));
        var readBack = new FaqJsonReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(once)));
        Assert.True(PersonalDataMasker.HasPseudonyms(readBack));

        var twice = PersonalDataMasker.Mask(readBack, new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = key });

        Assert.Equal(4, twice.Exchanges[0].Messages.Select(m => m.Message.Speaker.Raw).Append(twice.Exchanges[1].Messages[0].Message.Speaker.Raw).Distinct().Count());
        Assert.Equal(once, Json(twice));
    }

    [Fact]
    public void The_rest_of_a_nick_an_earlier_export_left_after_a_mentioned_pseudonym_goes_with_it()
    {
        // As the corpus's "@Summer 梁夏-丰瑞祥-GM-BJ 哦" came out of an anonymized export, read back.
        const string Path = "proddev/2018-03-06-chat.markdown";
        var first = SpeakerParser.Parse("成员-5C27F6BC");
        var second = SpeakerParser.Parse("成员-0F0A3B12");
        const string Thanks = "@成员-5C27F6BC-丰瑞祥-GM-BJ 哦，谢谢！";
        var talk = new Exchange(
            "x-again",
            Path,
            [
                new ExchangeMessage(SampleDocuments.Message(Path, 3, "2018-03-06T10:00:00", first, "他们是通过什么方式串联上的呢？"), MessageRole.Question),
                new ExchangeMessage(SampleDocuments.Message(Path, 5, "2018-03-06T10:01:00", second, Thanks, mentions: MentionParser.Find(Thanks)), MessageRole.Context),
            ],
            0.8,
            "t-licence");
        var document = SampleDocuments.Payments() with { Exchanges = [talk], Entries = [] };

        var masked = PersonalDataMasker.Mask(document, new MaskingOptions { AnonymizeSpeakers = true });

        var messages = masked.Exchanges[0].Messages.Select(m => m.Message).ToList();
        Assert.Equal(["成员-5C27F6BC", "成员-0F0A3B12"], messages.Select(m => m.Speaker.Raw));
        Assert.Equal("@成员-5C27F6BC 哦，谢谢！", messages[1].Body);
        Assert.Equal(["成员-5C27F6BC"], messages[1].Mentions);
    }

    [Fact]
    public void A_document_as_built_has_no_pseudonyms() => Assert.False(PersonalDataMasker.HasPseudonyms(SampleDocuments.Payments()));

    [Fact]
    public void A_keyed_pseudonym_is_the_same_whoever_else_is_exported()
    {
        // 3000 people collided dozens of times in four hex digits, and lengthening theirs depended on who else was there.
        var options = new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" };
        var all = Pseudonyms(Enumerable.Range(0, 3000).Select(i => $"成员{i}"), options);
        var third = Pseudonyms(Enumerable.Range(0, 3000).Where(i => i % 3 == 0).Select(i => $"成员{i}"), options);
        var alone = Pseudonyms(["成员42"], options);

        Assert.All(third, p => Assert.Equal(all[p.Key], p.Value));
        Assert.Equal(all["成员42"], alone["成员42"]);
        Assert.Equal(all.Count, all.Values.Distinct().Count());
        Assert.All(all.Values, p => Assert.Matches(PseudonymPattern(), p));
    }

    [Fact]
    public void Two_people_whose_pseudonyms_would_collide_get_longer_ones_and_nobody_else_does()
    {
        // Found by trying 成员0, 成员1, …: with key k the two hashes share their first eight hex digits.
        const string First = "成员60784";
        const string Second = "成员97558";
        var shared = Hmac("k", First)[..8];
        Assert.Equal(shared, Hmac("k", Second)[..8]);
        var options = new MaskingOptions { AnonymizeSpeakers = true, PseudonymKey = "k" };

        var both = Pseudonyms([First, Second, "成员42"], options);

        Assert.NotEqual(both[First], both[Second]);
        Assert.StartsWith($"成员-{shared}", both[First], StringComparison.Ordinal);
        Assert.StartsWith($"成员-{shared}", both[Second], StringComparison.Ordinal);
        Assert.True(both[First].Length > "成员-".Length + 8);
        Assert.Equal($"成员-{Hmac("k", "成员42")[..8]}", both["成员42"]);
        Assert.Equal($"成员-{shared}", Pseudonyms([First], options)[First]);
    }

    private static string Json(KnowledgeBaseDocument document)
    {
        using var stream = new MemoryStream();
        new FaqJsonWriter().Write(document, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The pseudonym of a person as an expert of a document with these experts.
    private static Dictionary<string, string> Pseudonyms(IEnumerable<string> names, MaskingOptions options)
    {
        var experts = names.Select(n => new Expert(n, null, null, 1)).ToList();
        var document = SampleDocuments.Payments() with { Entries = [SampleDocuments.Payments().Entries[0] with { Experts = experts }] };
        var masked = PersonalDataMasker.Mask(document, options);
        return experts.Zip(masked.Entries[0].Experts).ToDictionary(p => p.First.Name, p => p.Second.Name, StringComparer.Ordinal);
    }

    private static string Hmac(string key, string name) =>
        Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(name)));

    [GeneratedRegex("^成员-[0-9A-F]{8}$")]
    private static partial Regex PseudonymPattern();
}
