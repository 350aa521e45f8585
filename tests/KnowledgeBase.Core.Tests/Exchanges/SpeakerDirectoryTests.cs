using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Exchanges;
using KnowledgeBase.Core.Pipeline;
using KnowledgeBase.Core.Reading;

namespace KnowledgeBase.Core.Tests.Exchanges;

[Collection(CorpusCollectionDefinition.Name)]
public sealed class SpeakerDirectoryTests(CorpusFixture corpus)
{
    private const string SeedDay = "proddev/2018-03-05-chat.markdown";

    // Some of the speakers of the seed day.
    private static readonly string[] DaySpeakers = ["钟", "Ark", "右军", "李雄峰", "龚晓冬", "辉", "我", "陈创", "caozhiyang"];

    [Fact]
    public void An_exact_nick_resolves_to_that_speaker()
    {
        Assert.Equal("caozhiyang", SpeakerDirectory.Empty.Resolve("caozhiyang", DaySpeakers));
    }

    [Fact]
    public void Exact_match_ignores_letter_case_width_and_spaces()
    {
        Assert.Equal("Kevin Zhao", SpeakerDirectory.Empty.Resolve("ｋｅｖｉｎzhao", ["Kevin Zhao", "Kevin"]));
    }

    [Fact]
    public void A_group_nickname_resolves_to_the_speaker_whose_name_it_starts_with()
    {
        Assert.Equal("钟", SpeakerDirectory.Empty.Resolve("钟文帅-天下支付PM-深圳", DaySpeakers));
    }

    // prodarch/2018-04-23: the answers to 马忠信's questions address him by his group nickname of the time.
    [Theory]
    [InlineData("马忠信-小贷产品-深圳", "联金所-产品-马忠信-深圳")]
    [InlineData("架构师-联想-杨继军-北京", "杨继军-联想电商平台架构师")]
    public void A_nick_that_puts_the_name_after_its_company_or_role_resolves_by_that_name(string mention, string speaker)
    {
        Assert.Equal(speaker, SpeakerDirectory.Empty.Resolve(mention, ["闫闯-乾元-支付-北京", speaker, "马融-亿联-科技-长春"]));
    }

    [Fact]
    public void A_mention_of_nobody_there_resolves_to_null()
    {
        Assert.Null(SpeakerDirectory.Empty.Resolve("王五-某支付-技术", DaySpeakers));
    }

    [Theory]
    [InlineData("曹志杨-唯品会主任工程师", "caozhiyang")]
    [InlineData("caozhiyang", "曹志杨")]
    [InlineData("紫杨-唯品会-技术-上海", "caozhiyang")]
    [InlineData("志杨", "曹志杨-唯品会")]
    public void A_name_that_sounds_like_a_speaker_s_resolves_to_them(string mention, string speaker)
    {
        Assert.Equal(speaker, SpeakerDirectory.Empty.Resolve(mention, ["Ann", "钟", speaker, "李雄峰"]));
    }

    [Theory]
    [InlineData("杨", "caozhiyang")] // one syllable names too many people
    [InlineData("zhiyang", "caozhiyang")] // two Latin names are compared by spelling only
    [InlineData("王志杨", "曹志杨")] // another surname
    [InlineData("紫杨", "小紫")]
    public void A_name_that_sounds_only_partly_alike_resolves_to_nobody(string mention, string speaker)
    {
        Assert.Null(SpeakerDirectory.Empty.Resolve(mention, ["Ann", speaker]));
    }

    [Fact]
    public void Two_speakers_who_sound_alike_leave_the_mention_ambiguous()
    {
        Assert.Null(SpeakerDirectory.Empty.Resolve("志杨", ["caozhiyang", "王志阳"]));
    }

    [Fact]
    public void A_mention_two_speakers_match_equally_well_is_ambiguous()
    {
        Assert.Null(SpeakerDirectory.Empty.Resolve("杜雷", ["杜雷-乐天-技术", "杜雷-银联-产品", "Ann"]));
    }

    [Fact]
    public void Nick_pairs_of_a_merged_day_break_the_tie()
    {
        var builder = new SpeakerDirectoryBuilder();
        builder.Observe(ChatMessages.Sequence(
            ("09:00:00", "杜雷", "有人对接过银联吗"),
            ("09:00:01", "杜雷-乐天-技术", "有人对接过银联吗"),
            ("09:00:30", "Ann", "有")));

        var directory = builder.Build();

        Assert.Equal(1, directory.AliasPairCount);
        Assert.Equal("杜雷-乐天-技术", directory.Resolve("杜雷", ["杜雷-乐天-技术", "杜雷-银联-产品", "Ann"]));
        Assert.Equal("杜雷", directory.Resolve("杜雷-乐天-技术", ["杜雷", "杜雷雷", "Ann"]));
    }

    [Fact]
    public void A_nick_unlike_any_header_resolves_to_who_answers_each_time_it_is_mentioned()
    {
        var builder = new SpeakerDirectoryBuilder();
        for (var day = 0; day < 3; day++)
        {
            builder.Observe(ChatMessages.Sequence(
                ("17:55:00", "龚晓冬", "@大头-唯品会-技术-上海 先看一下要求"),
                ("17:55:20", "caozhiyang", "好的"),
                ("17:56:00", "李雄峰", "同问")));
        }

        var directory = builder.Build();

        Assert.Null(SpeakerDirectory.Empty.Resolve("大头-唯品会-技术-上海", DaySpeakers));
        Assert.Equal("caozhiyang", directory.Resolve("大头-唯品会-技术-上海", DaySpeakers));
    }

    [Fact]
    public void One_answer_after_a_mention_is_not_enough_evidence()
    {
        var builder = new SpeakerDirectoryBuilder();
        builder.Observe(ChatMessages.Sequence(
            ("17:55:00", "龚晓冬", "@大头-唯品会-技术-上海 先看一下要求"),
            ("17:55:20", "caozhiyang", "好的")));

        Assert.Null(builder.Build().Resolve("大头-唯品会-技术-上海", DaySpeakers));
    }

    [Fact]
    public void A_reply_long_after_the_mention_is_no_evidence()
    {
        var builder = new SpeakerDirectoryBuilder();
        for (var day = 0; day < 3; day++)
        {
            builder.Observe(ChatMessages.Sequence(
                ("17:00:00", "龚晓冬", "@大头-唯品会-技术-上海 先看一下要求"),
                ("17:30:00", "caozhiyang", "好的")));
        }

        Assert.Null(builder.Build().Resolve("大头-唯品会-技术-上海", DaySpeakers));
    }

    [Fact]
    public void A_profile_adds_up_what_a_speaker_says_and_asks_day_by_day()
    {
        var builder = new SpeakerDirectoryBuilder();
        builder.Observe(ChatMessages.Sequence(
            ("09:00:00", "Ann", "备付金账户怎么开？"),
            ("09:01:00", "Bob", "找银行"),
            ("09:02:00", "Ann", "谢谢")));
        builder.Observe(ChatMessages.Sequence(
            ("10:00:00", "Ann", "牌照还能买吗"),
            ("10:01:00", "Cat", "")));

        var directory = builder.Build();

        Assert.Equal(new SpeakerProfile(Days: 2, Messages: 3, Questions: 2, Characters: 17), directory.Profile("Ann"));
        Assert.Equal(new SpeakerProfile(1, 1, 0, 3), directory.Profile("Bob"));
        // An empty message says nothing; a nick never seen has no profile.
        Assert.Equal(SpeakerProfile.Unknown, directory.Profile("Cat"));
        Assert.Equal(SpeakerProfile.Unknown, directory.Profile("Dan"));
    }

    [Fact]
    public void A_profile_reads_regulars_apart_from_askers()
    {
        var regular = new SpeakerProfile(Days: 300, Messages: 5000, Questions: 250, Characters: 150_000).Features();
        var asker = new SpeakerProfile(Days: 2, Messages: 6, Questions: 5, Characters: 90).Features();

        Assert.True(regular[0] > asker[0] && regular[1] > asker[1] && regular[3] > asker[3]);
        Assert.True(asker[2] > regular[2]);
    }

    [Fact]
    public void A_day_more_seldom_moves_a_regulars_features()
    {
        var regular = new SpeakerProfile(Days: 300, Messages: 5000, Questions: 250, Characters: 150_000);
        var dayMore = regular.Add(new SpeakerTally("x", Messages: 20, Questions: 1, Characters: 600));

        Assert.Equal(regular.Key, dayMore.Key);
        Assert.NotEqual(regular.Key, SpeakerProfile.Unknown.Key);
    }

    [Fact]
    public void A_days_cached_exchanges_are_stale_once_a_speakers_profile_moves()
    {
        var day = ChatMessages.Sequence(("09:00:00", "Ann", "备付金账户怎么开？"), ("09:01:00", "Bob", "找银行开"));
        var queries = DirectoryQueries.Of(day);
        var builder = new SpeakerDirectoryBuilder();
        builder.Observe(day);
        var before = queries.Answer(builder.Build());

        for (var i = 0; i < 30; i++)
        {
            builder.Observe(ChatMessages.Sequence(("10:00:00", "Bob", "可以的，备付金账户由银行开立")));
        }

        Assert.NotEqual(before, queries.Answer(builder.Build()));
    }

    [CorpusFact]
    public void On_the_seed_day_a_group_nickname_resolves_to_the_header_name()
    {
        var (day, speakers) = SeedDayWithSpeakers();
        Assert.Contains(day.Messages, m => m.Mentions.Contains("钟文帅-天下支付PM-深圳"));

        Assert.Equal("钟", corpus.Directory.Resolve("钟文帅-天下支付PM-深圳", speakers));
    }

    // The corpus mentions this nick three times (proddev/2017-05-10 twice, the seed day once); the first other
    // speakers after it are alan, 曹志杨-唯品会主任工程师 and 钟. caozhiyang never speaks right after it, and no
    // merged day pairs caozhiyang with another nick, so no evidence the directory gathers links the two; they sound
    // alike: 紫杨 (ziyang) ends caozhiyang once zh is read as z.
    [CorpusFact]
    public void On_the_seed_day_a_nick_unlike_the_headers_resolves_to_who_answers_it()
    {
        var (day, speakers) = SeedDayWithSpeakers();
        Assert.Contains(day.Messages, m => m.Mentions.Contains("紫杨-唯品会-技术-上海"));

        Assert.Equal("caozhiyang", corpus.Directory.Resolve("紫杨-唯品会-技术-上海", speakers));
    }

    private static (ChatDay Day, IReadOnlyList<string> Speakers) SeedDayWithSpeakers()
    {
        var day = CorpusFixture.ReadDay(SeedDay);
        return (day, day.Messages.Select(m => m.Speaker.Raw).Distinct().ToList());
    }

    [Fact]
    public void A_nick_pair_of_merged_days_is_credited_as_the_nick_that_says_more()
    {
        var directory = Merged(("北京一张泽雄", "张泽雄-民生金服-项目总监", 3));

        var credited = directory.Attributed(new Speaker("北京一张泽雄", "北京一张泽雄"));

        Assert.Equal(new Speaker("北京一张泽雄", "张泽雄", "民生金服", "项目总监"), credited);
        Assert.Equal(SpeakerParser.Parse("张泽雄-民生金服-项目总监"), directory.Attributed(SpeakerParser.Parse("张泽雄-民生金服-项目总监")));
    }

    // A nick that starts with its company and names the person after '_' says more than a nick with a decoration.
    [Fact]
    public void A_nick_split_at_an_underscore_says_more_than_a_plain_one()
    {
        var directory = Merged(("旭旭 超级会员", "聚合支付_程昱", 3));

        Assert.Equal(new Speaker("旭旭 超级会员", "程昱", "聚合支付"), directory.Attributed(SpeakerParser.Parse("旭旭 超级会员")));
    }

    [Fact]
    public void Two_twins_are_too_few_to_tie_two_nicks()
    {
        var directory = Merged(("北京一张泽雄", "张泽雄-民生金服-项目总监", 2));

        Assert.Equal("北京一张泽雄", directory.Attributed(SpeakerParser.Parse("北京一张泽雄")).Name);
    }

    // 我 is whoever exported the log: on days merged from two exports it twins the other exporter's nick, and the
    // exporter's own nick twins 我. Neither is the other's only partner.
    [Fact]
    public void A_nick_whose_twins_are_split_between_people_is_tied_to_none_of_them()
    {
        var directory = Merged(("我", "李雄峰", 5), ("凤凰牌老熊-群主", "我", 3));

        Assert.Equal("我", directory.Attributed(SpeakerParser.Parse("我")).Name);
        Assert.Equal("李雄峰", directory.Attributed(SpeakerParser.Parse("李雄峰")).Name);
        Assert.Equal("凤凰牌老熊", directory.Attributed(SpeakerParser.Parse("凤凰牌老熊-群主")).Name);
    }

    [Fact]
    public void An_exchange_is_credited_message_by_message_and_keeps_its_header_nicks()
    {
        var directory = Merged(("北京一张泽雄", "张泽雄-民生金服-项目总监", 3));
        var messages = ChatMessages.Sequence(("10:00:00", "Ann", "对账文件怎么标准化？"), ("10:01:00", "北京一张泽雄", "先统一格式"));
        var exchange = new Exchange("x1", "devarch/a.md", [new ExchangeMessage(messages[0], MessageRole.Question, []), new ExchangeMessage(messages[1], MessageRole.Answer, [])], 0.9);

        var credited = directory.Attributed(exchange);

        Assert.Equal(["Ann", "北京一张泽雄"], credited.Messages.Select(m => m.Message.Speaker.Raw));
        Assert.Equal(["Ann", "张泽雄"], credited.Messages.Select(m => m.Message.Speaker.Name));
        Assert.Same(exchange, SpeakerDirectory.Empty.Attributed(exchange));
    }

    // A directory that saw each pair's two nicks say the same thing within a second, the given number of times.
    private static SpeakerDirectory Merged(params (string First, string Twin, int Times)[] pairs)
    {
        var builder = new SpeakerDirectoryBuilder();
        foreach (var (first, twin, times) in pairs)
        {
            for (var i = 0; i < times; i++)
            {
                var said = $"{first}说的第{i}句";
                builder.Observe(ChatMessages.Sequence(("09:00:00", first, said), ("09:00:01", twin, said), ("09:00:30", "Ann", "收到")));
            }
        }

        return builder.Build();
    }

    [Fact]
    public void Two_latin_letters_are_too_short_to_be_a_name_prefix() => Assert.Null(SpeakerDirectory.Empty.Resolve("le", ["leo", "王五"]));
}
