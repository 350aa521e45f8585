using System.Text.Json;
using KnowledgeBase.Core.Tests.Curation;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Web.Tests;

/// <summary>The review API over HTTP: lists, one entry, every action with its version, moved ids and source lines.</summary>
[Collection(ReviewServerCollectionDefinition.Name)]
public sealed class ReviewApiTests(SegmenterFixture segmenters)
{
    private const string Day = "proddev/2018-03-05-chat.markdown";

    private static readonly string[] CardExchange = ["x-card"];

    [Fact]
    public async Task Meta_names_the_topics_groups_experts_and_statuses_to_filter_by()
    {
        await using var server = await Start();

        var (status, meta) = await server.GetJson("api/meta");

        Assert.Equal(200, status);
        Assert.Equal(["t-settle", "t-license"], meta.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["devarch", "proddev"], Strings(meta.GetProperty("groups")));
        Assert.Equal(["周八", "李四"], Strings(meta.GetProperty("experts")).Order(StringComparer.Ordinal));
        Assert.Equal(["candidate", "approved", "rejected"], Strings(meta.GetProperty("statuses")));
        Assert.True(meta.GetProperty("sources").GetBoolean());
    }

    [Fact]
    public async Task Lists_the_entries_highest_confidence_first_with_their_total()
    {
        await using var server = await Start();

        var (status, list) = await server.GetJson("api/entries");

        Assert.Equal(200, status);
        Assert.Equal((4, 0), (list.GetProperty("total").GetInt32(), list.GetProperty("offset").GetInt32()));
        Assert.Equal(ReviewServerHost.FixtureIds, Ids(list));
        Assert.Equal([0.9, 0.8, 0.7, 0.5], list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("confidence").GetDouble()));
        var settle = list.GetProperty("entries")[0];
        Assert.Equal(
            ("t-settle", "二清的T+1结算怎么做轧差？", "candidate", 1, "2018-03-05", 1),
            (settle.GetProperty("topicId").GetString(), settle.GetProperty("question").GetString(), settle.GetProperty("status").GetString(),
                settle.GetProperty("version").GetInt32(), settle.GetProperty("firstDay").GetString(), settle.GetProperty("exchanges").GetInt32()));
        Assert.Equal(["李四"], Strings(settle.GetProperty("experts")));
    }

    [Theory]
    [InlineData("limit=2", 0, new[] { "e-settle", "e-license" })]
    [InlineData("limit=2&offset=1", 1, new[] { "e-license", "e-refund" })]
    [InlineData("limit=2&offset=2", 2, new[] { "e-refund", "e-card" })]
    [InlineData("limit=2&offset=3", 3, new[] { "e-card" })]
    [InlineData("limit=2&offset=4", 4, new string[0])]
    [InlineData("offset=1", 1, new[] { "e-license", "e-refund", "e-card" })]
    [InlineData("limit=1000", 0, new[] { "e-settle", "e-license", "e-refund", "e-card" })]
    public async Task Pages_through_the_list_and_gives_the_total_of_all_pages(string query, int offset, string[] ids)
    {
        await using var server = await Start();

        var (status, list) = await server.GetJson("api/entries?" + query);

        Assert.Equal(200, status);
        Assert.Equal((4, offset), (list.GetProperty("total").GetInt32(), list.GetProperty("offset").GetInt32()));
        Assert.Equal(ids, Ids(list));
    }

    [Theory]
    [InlineData("topic=t-settle", new[] { "e-settle", "e-refund" })]
    [InlineData("topic=t-nothing", new string[0])]
    [InlineData("group=devarch", new[] { "e-license", "e-card" })]
    [InlineData("from=2018-04-01", new[] { "e-license", "e-card" })]
    [InlineData("to=2018-03-31", new[] { "e-settle", "e-refund" })]
    [InlineData("from=2018-03-05&to=2018-03-05", new[] { "e-settle", "e-refund" })]
    [InlineData("expert=%E5%91%A8%E5%85%AB", new[] { "e-license", "e-card" })]
    [InlineData("q=%E8%BD%A7%E5%B7%AE", new[] { "e-settle" })]
    [InlineData("topic=t-license&q=%E9%89%B4%E6%9D%83", new[] { "e-card" })]
    [InlineData("status=candidate", new[] { "e-settle", "e-license", "e-refund", "e-card" })]
    [InlineData("status=approved", new string[0])]
    [InlineData("topic=&status=&q=+", new[] { "e-settle", "e-license", "e-refund", "e-card" })]
    public async Task Filters_the_list_and_counts_only_what_the_filters_let_through(string query, string[] ids)
    {
        await using var server = await Start();

        var (status, list) = await server.GetJson("api/entries?" + query);
        var (_, firstOnly) = await server.GetJson("api/entries?limit=1&" + query);

        Assert.Equal(200, status);
        Assert.Equal(ids, Ids(list));
        Assert.Equal(ids.Length, firstOnly.GetProperty("total").GetInt32());
        Assert.Equal(ids.Take(1), Ids(firstOnly));
    }

    [Fact]
    public async Task Filters_by_status_and_by_changed_since_review_and_lists_missing_entries_only_when_asked()
    {
        await using var server = await Start();
        Assert.Equal(200, (await server.Act("e-card", "approve", 1)).Status);
        Assert.Equal(200, (await server.Act("e-refund", "reject", 1)).Status);
        // The next build no longer has the card question: its approval is kept, and flagged for another look.
        server.MergeBuild(CurationFixture.Without(ReviewServerHost.Fixture(), "card"));

        Assert.Equal(["e-settle", "e-license"], Ids((await server.GetJson("api/entries?status=candidate")).Body));
        Assert.Equal(["e-refund"], Ids((await server.GetJson("api/entries?status=rejected")).Body));
        Assert.Equal(["e-card"], Ids((await server.GetJson("api/entries?changed=1")).Body));
        Assert.Equal(["e-settle", "e-license", "e-refund"], Ids((await server.GetJson("api/entries")).Body));
        var (_, withMissing) = await server.GetJson("api/entries?missing=1");
        Assert.Equal(4, withMissing.GetProperty("total").GetInt32());
        Assert.Equal(ReviewServerHost.FixtureIds, Ids(withMissing));
        var card = withMissing.GetProperty("entries")[3];
        Assert.Equal(("approved", false, true), (card.GetProperty("status").GetString(), card.GetProperty("inLatestBuild").GetBoolean(), card.GetProperty("changedSinceReview").GetBoolean()));
        Assert.Equal(["e-card"], Ids((await server.GetJson("api/entries?status=approved&missing=1")).Body));
    }

    [Theory]
    [InlineData("status=bogus", "unknown status 'bogus': use candidate, approved or rejected")]
    [InlineData("limit=0", "limit must be a whole number from 1 to 1000")]
    [InlineData("limit=1001", "limit must be a whole number from 1 to 1000")]
    [InlineData("limit=ten", "limit must be a whole number from 1 to 1000")]
    [InlineData("limit=-1", "limit must be a whole number from 1 to 1000")]
    [InlineData("offset=-1", "offset must be a whole number, at least 0")]
    [InlineData("offset=1.5", "offset must be a whole number, at least 0")]
    [InlineData("from=2018-13-01", "String '2018-13-01' was not recognized as a valid DateOnly.")]
    [InlineData("to=yesterday", "String 'yesterday' was not recognized as a valid DateOnly.")]
    public async Task A_list_query_that_cannot_be_read_is_refused_with_a_message(string query, string error)
    {
        await using var server = await Start();

        var (status, body) = await server.GetJson("api/entries?" + query);

        Assert.Equal((400, error), (status, Error(body)));
    }

    [Fact]
    public async Task Gets_one_entry_with_its_conversation_sources_and_history()
    {
        await using var server = await Start();

        var settle = await server.Entry("e-settle");

        Assert.Equal(
            ("e-settle", "t-settle", "二清的T+1结算怎么做轧差？", "candidate", 1, false, true, "build", false),
            (settle.GetProperty("id").GetString(), settle.GetProperty("topicId").GetString(), settle.GetProperty("question").GetString(),
                settle.GetProperty("status").GetString(), settle.GetProperty("version").GetInt32(), settle.GetProperty("changedSinceReview").GetBoolean(),
                settle.GetProperty("inLatestBuild").GetBoolean(), settle.GetProperty("origin").GetString(), settle.GetProperty("edited").GetBoolean()));
        Assert.StartsWith("李四：按清算行的对账单，日终轧差后再出款。 <script>", settle.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, settle.GetProperty("mergedInto").ValueKind);
        Assert.Equal(["x-settle"], Strings(settle.GetProperty("exchangeIds")));
        Assert.Equal(
            [(Day, 49), (Day, 53)],
            settle.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("path").GetString(), s.GetProperty("line").GetInt32())));
        Assert.Equal(["李四"], settle.GetProperty("experts").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Empty(settle.GetProperty("notes").EnumerateArray());
        // The conversation holds the cited lines and the chat around them, the hostile one as plain text.
        var lines = settle.GetProperty("conversation").EnumerateArray().Select(c => c.GetProperty("line").GetInt32()).ToList();
        Assert.Contains(49, lines);
        Assert.Contains(57, lines);
        Assert.Equal(["build-add"], settle.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task An_unknown_entry_is_not_found_with_a_message()
    {
        await using var server = await Start();

        var (status, body) = await server.GetJson("api/entries/e-nowhere");

        Assert.Equal((404, "no entry e-nowhere in the store"), (status, Error(body)));
        Assert.False(body.TryGetProperty("movedTo", out _));
    }

    [Theory]
    [InlineData("approve", "approved")]
    [InlineData("reject", "rejected")]
    public async Task Approve_and_reject_save_the_status_bump_the_version_and_answer_with_the_entry(string action, string expected)
    {
        await using var server = await Start();

        var (status, saved) = await server.Act("e-refund", action, 1);

        Assert.Equal(200, status);
        Assert.Equal(("e-refund", expected, 2), (saved.GetProperty("id").GetString(), saved.GetProperty("status").GetString(), saved.GetProperty("version").GetInt32()));
        var stored = await server.Entry("e-refund");
        Assert.Equal((expected, 2), (stored.GetProperty("status").GetString(), stored.GetProperty("version").GetInt32()));
        var last = stored.GetProperty("audit").EnumerateArray().Single(a => a.GetProperty("actor").GetString() == "alice");
        Assert.Equal((action, "candidate", expected), (last.GetProperty("action").GetString(), last.GetProperty("oldValue").GetString(), last.GetProperty("newValue").GetString()));
    }

    [Fact]
    public async Task Reset_makes_a_decided_entry_a_candidate_again()
    {
        await using var server = await Start();
        await server.Act("e-refund", "approve", 1);

        var (status, saved) = await server.Act("e-refund", "reset", 2);

        Assert.Equal((200, "candidate", 3), (status, saved.GetProperty("status").GetString(), saved.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Edit_saves_a_new_question_and_answer_and_keeps_what_the_build_wrote()
    {
        await using var server = await Start();

        var (status, saved) = await server.Act("e-refund", "edit", 1, new { question = "退款时怎么垫资？", answer = "用备付金垫资。" });

        Assert.Equal(200, status);
        var stored = await server.Entry("e-refund");
        Assert.Equal(saved.GetProperty("version").GetInt32(), stored.GetProperty("version").GetInt32());
        Assert.Equal(
            ("退款时怎么垫资？", "用备付金垫资。", true, "退款垫资怎么处理？", "t-settle", 2),
            (stored.GetProperty("question").GetString(), stored.GetProperty("answer").GetString(), stored.GetProperty("edited").GetBoolean(),
                stored.GetProperty("builtQuestion").GetString(), stored.GetProperty("topicId").GetString(), stored.GetProperty("version").GetInt32()));
        Assert.Equal(["e-refund"], Ids((await server.GetJson("api/entries?q=%E5%A4%87%E4%BB%98%E9%87%91")).Body));
    }

    [Fact]
    public async Task Move_is_an_edit_of_the_topic_alone_and_the_topic_filter_follows_it()
    {
        await using var server = await Start();

        var (status, saved) = await server.Act("e-card", "edit", 1, new { topicId = "t-settle" });

        Assert.Equal((200, "t-settle", "四要素鉴权失败怎么排查？"), (status, saved.GetProperty("topicId").GetString(), saved.GetProperty("question").GetString()));
        Assert.Equal(["e-settle", "e-refund", "e-card"], Ids((await server.GetJson("api/entries?topic=t-settle")).Body));
        Assert.Equal(["e-license"], Ids((await server.GetJson("api/entries?topic=t-license")).Body));
    }

    [Theory]
    [InlineData("edit", """{"topicId":"t-nothing"}""", "unknown topic 't-nothing'")]
    [InlineData("edit", """{"question":"  "}""", "the question cannot be empty")]
    [InlineData("note", """{"text":""}""", "the note is empty")]
    [InlineData("note", """{}""", "the note is empty")]
    [InlineData("merge", """{"target":"e-card"}""", "cannot merge e-card into itself")]
    [InlineData("merge", """{}""", "name the entry to merge e-card into")]
    [InlineData("split", """{"exchangeIds":["x-card"]}""", "at least one exchange must stay with e-card")]
    [InlineData("split", """{"exchangeIds":[]}""", "name at least one exchange to split off")]
    public async Task An_action_the_store_refuses_is_a_bad_request_with_a_message_and_changes_nothing(string action, string fields, string error)
    {
        await using var server = await Start();
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(fields)!;
        body["actor"] = JsonSerializer.SerializeToElement("alice");
        body["version"] = JsonSerializer.SerializeToElement(1);

        var (status, refused) = await server.PostJson($"api/entries/e-card/{action}", JsonSerializer.Serialize(body));

        Assert.Equal((400, error), (status, Error(refused)));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Fact]
    public async Task A_note_is_kept_with_who_wrote_it()
    {
        await using var server = await Start();

        var (status, saved) = await server.Act("e-license", "note", 1, new { text = "需要核对最新的监管文件" });

        Assert.Equal((200, 2), (status, saved.GetProperty("version").GetInt32()));
        var note = Assert.Single((await server.Entry("e-license")).GetProperty("notes").EnumerateArray());
        Assert.Equal(("需要核对最新的监管文件", "alice"), (note.GetProperty("text").GetString(), note.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Merge_moves_the_exchanges_to_the_target_and_hides_the_entry_merged_away()
    {
        await using var server = await Start();

        var (status, target) = await server.Act("e-card", "merge", 1, new { target = "e-license", targetVersion = 1 });

        Assert.Equal(200, status);
        Assert.Equal(("e-license", "支付牌照<b>续展</b>要多久？"), (target.GetProperty("id").GetString(), target.GetProperty("question").GetString()));
        Assert.Equal(["x-license", "x-card"], Strings(target.GetProperty("exchangeIds")));
        Assert.Equal("e-license", (await server.Entry("e-card")).GetProperty("mergedInto").GetString());
        var (_, list) = await server.GetJson("api/entries");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(["e-settle", "e-license", "e-refund"], Ids(list));
    }

    [Fact]
    public async Task Split_takes_an_exchange_off_into_a_new_candidate_entry()
    {
        await using var server = await Start();
        await server.Act("e-license", "approve", 1);
        await server.Act("e-card", "merge", 1, new { target = "e-license", targetVersion = 2 });

        var (status, split) = await server.Act("e-license", "split", await server.Version("e-license"), new { exchangeIds = CardExchange });

        Assert.Equal(200, status);
        var id = split.GetProperty("id").GetString()!;
        Assert.StartsWith("e-license-split-", id, StringComparison.Ordinal);
        Assert.Equal(("split", "candidate", "t-license"), (split.GetProperty("origin").GetString(), split.GetProperty("status").GetString(), split.GetProperty("topicId").GetString()));
        Assert.Equal(["x-card"], Strings(split.GetProperty("exchangeIds")));
        var kept = await server.Entry("e-license");
        Assert.Equal(["x-license"], Strings(kept.GetProperty("exchangeIds")));
        Assert.Equal("approved", kept.GetProperty("status").GetString());
        Assert.Contains(id, Ids((await server.GetJson("api/entries?topic=t-license")).Body));
    }

    [Theory]
    [InlineData("approve", "{}")]
    [InlineData("reject", "{}")]
    [InlineData("reset", "{}")]
    [InlineData("edit", """{"answer":"别人的答案"}""")]
    [InlineData("edit", """{"topicId":"t-settle"}""")]
    [InlineData("note", """{"text":"晚了一步"}""")]
    [InlineData("merge", """{"target":"e-settle","targetVersion":1}""")]
    [InlineData("split", """{"exchangeIds":["x-license"]}""")]
    public async Task A_save_from_a_version_someone_has_changed_since_is_refused_with_the_version_it_is_now(string action, string fields)
    {
        await using var server = await Start();
        // Bob merged the card question in and approved, while alice's page still showed version 1.
        Assert.Equal(200, (await server.Act("e-card", "merge", 1, new { target = "e-license", targetVersion = 1 })).Status);
        Assert.Equal(200, (await server.PostJson("api/entries/e-license/approve", """{"actor":"bob","version":2}""")).Status);
        var before = await server.Entry("e-license");
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(fields)!;
        body["actor"] = JsonSerializer.SerializeToElement("alice");
        body["version"] = JsonSerializer.SerializeToElement(1);

        var (status, refused) = await server.PostJson($"api/entries/e-license/{action}", JsonSerializer.Serialize(body));

        Assert.Equal(409, status);
        Assert.True(refused.GetProperty("conflict").GetBoolean());
        Assert.Equal(3, refused.GetProperty("actualVersion").GetInt32());
        Assert.Contains("changed by bob", Error(refused), StringComparison.Ordinal);
        Assert.False(refused.TryGetProperty("movedTo", out _));
        var after = await server.Entry("e-license");
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(1, await server.Version("e-settle"));
    }

    [Fact]
    public async Task A_save_while_a_build_holds_the_store_is_refused_as_busy_saves_nothing_and_goes_through_once_it_is_free()
    {
        // One second to give up instead of kb serve's thirty, so the test waits only that long for the refusal.
        await using var server = await Start(options => options with { Store = options.Store with { BusyTimeout = TimeSpan.FromSeconds(1) } });
        (int Status, JsonElement Body) refused;
        int readWhileHeld;
        using (var build = new SqliteConnection($"Data Source={server.Options.Store.DatabasePath};Pooling=False"))
        {
            // A build merging holds the write lock for its whole transaction, as this one does until it is rolled back.
            build.Open();
            using var merging = build.BeginTransaction(deferred: false);
            refused = await server.Act("e-refund", "approve", 1);
            readWhileHeld = (await server.GetJson("api/entries/e-refund")).Status;
        }

        Assert.Equal((503, "the store is busy (is a build merging into it?): nothing was saved, try again in a moment"), (refused.Status, Error(refused.Body)));
        // The store is in WAL mode: the page still reads while a build writes.
        Assert.Equal(200, readWhileHeld);
        var stored = await server.Entry("e-refund");
        Assert.Equal(("candidate", 1), (stored.GetProperty("status").GetString(), stored.GetProperty("version").GetInt32()));
        Assert.Equal(["build-add"], Strings(stored.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action"))));
        var (status, saved) = await server.Act("e-refund", "approve", 1);
        Assert.Equal((200, "approved", 2), (status, saved.GetProperty("status").GetString(), saved.GetProperty("version").GetInt32()));
    }

    // What nothing expected (here the store changed under the server by hand) is answered with what went wrong, not an
    // empty 500, and the server goes on serving. (A save that fails in the store is refused as a 400 by the store itself.)
    [Fact]
    public async Task A_request_that_fails_unexpectedly_is_answered_500_with_the_reason()
    {
        await using var server = await Start();
        using (var other = new SqliteConnection($"Data Source={server.Options.Store.DatabasePath};Pooling=False"))
        {
            other.Open();
            using var drop = other.CreateCommand();
            drop.CommandText = "DROP TABLE notes";
            drop.ExecuteNonQuery();
        }

        var (status, failed) = await server.GetJson("api/entries/e-license");

        Assert.Equal(500, status);
        Assert.StartsWith("the server failed: ", Error(failed), StringComparison.Ordinal);
        Assert.Contains("no such table: notes", Error(failed), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await server.Client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_merge_into_a_target_someone_has_changed_since_is_refused()
    {
        await using var server = await Start();
        await server.Act("e-license", "note", 1, new { text = "先别合并" });

        var (status, refused) = await server.Act("e-card", "merge", 1, new { target = "e-license", targetVersion = 1 });

        Assert.Equal((409, 2), (status, refused.GetProperty("actualVersion").GetInt32()));
        Assert.Equal(JsonValueKind.Null, (await server.Entry("e-card")).GetProperty("mergedInto").ValueKind);
        Assert.Equal(["x-license"], Strings((await server.Entry("e-license")).GetProperty("exchangeIds")));
    }

    [Theory]
    [InlineData("""{"actor":"alice"}""", "send the version of the entry you saw")]
    [InlineData("""{"actor":"alice","version":null}""", "send the version of the entry you saw")]
    [InlineData("null", "send a JSON object with the version of the entry you saw")]
    [InlineData("", "send a JSON object with the version of the entry you saw")]
    [InlineData("""{"version":1}""", "say who you are: fill in the reviewer name")]
    [InlineData("""{"actor":"   ","version":1}""", "say who you are: fill in the reviewer name")]
    [InlineData("""{"actor":"x\ty","version":1}""", "the reviewer name has a control character (U+0009) at character 2; nothing was saved")]
    public async Task An_action_without_a_version_or_a_reviewer_is_refused_with_a_message(string json, string error)
    {
        await using var server = await Start();

        var (status, body) = await server.PostJson("api/entries/e-refund/approve", json);

        Assert.Equal((400, error), (status, Error(body)));
        Assert.Equal("candidate", (await server.Entry("e-refund")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"actor":"alice","version":1""", "the body is not valid JSON: '1' is an invalid end of a number. Expected a delimiter.")]
    [InlineData("x", "the body is not valid JSON: 'x' is an invalid start of a value.")]
    [InlineData("""{"actor":"alice","version":1} x""", "the body is not valid JSON: 'x' is invalid after a single JSON value. Expected end of data.")]
    [InlineData("""{"actor":"alice","version":"x"}""", "version must be a whole number")]
    [InlineData("""{"actor":"alice","version":1.5}""", "version must be a whole number")]
    [InlineData("""{"actor":"alice","version":99999999999}""", "version must be a whole number")]
    [InlineData("""{"actor":"alice","version":1,"targetVersion":"x"}""", "targetVersion must be a whole number")]
    [InlineData("""{"actor":"alice","version":1,"exchangeIds":"x-card"}""", "exchangeIds must be a list of exchange ids")]
    [InlineData("""{"actor":"alice","version":1,"exchangeIds":[1]}""", "exchangeIds must be a list of exchange ids")]
    [InlineData("""{"actor":"alice","version":1,"text":5}""", "text must be a string")]
    [InlineData("""{"actor":{},"version":1}""", "actor must be a string")]
    [InlineData("[]", "the body must be a JSON object")]
    [InlineData("\"approve\"", "the body must be a JSON object")]
    public async Task A_body_that_is_not_the_JSON_of_an_action_is_refused_with_a_message_and_saves_nothing(string json, string error)
    {
        await using var server = await Start();

        var (status, body) = await server.PostJson("api/entries/e-card/note", json);

        Assert.Equal((400, error), (status, Error(body)));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Fact]
    public async Task An_action_on_an_unknown_entry_is_not_found()
    {
        await using var server = await Start();

        var (status, body) = await server.Act("e-nowhere", "approve", 1);

        Assert.Equal((404, "no entry e-nowhere in the store"), (status, Error(body)));
    }

    [Fact]
    public async Task A_long_reviewer_name_is_kept_to_its_first_hundred_characters()
    {
        await using var server = await Start();

        var (status, _) = await server.PostJson("api/entries/e-refund/approve", JsonSerializer.Serialize(new { actor = new string('a', 150), version = 1 }));

        Assert.Equal(200, status);
        var approve = (await server.Entry("e-refund")).GetProperty("audit").EnumerateArray().Single(a => a.GetProperty("action").GetString() == "approve");
        Assert.Equal(new string('a', 100), approve.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_bookmark_of_an_id_a_build_moved_says_where_the_entry_is_now()
    {
        await using var server = await Start();
        await server.Act("e-settle", "approve", 1);
        // Four lines were added above the settlement and refund questions: the build names their entries after the new lines.
        server.MergeBuild(CurationFixture.Shifted(ReviewServerHost.Fixture(), Day, 4, id => id + "-53"));

        var (status, body) = await server.GetJson("api/entries/e-settle");
        var (acted, actedBody) = await server.Act("e-settle", "reject", 2);

        Assert.Equal(404, status);
        Assert.Equal("e-settle-53", body.GetProperty("movedTo").GetString());
        Assert.Equal("no entry e-settle in the store: a build moved it to e-settle-53 (its question is on another line or in another file now)", Error(body));
        Assert.Equal((404, "e-settle-53"), (acted, actedBody.GetProperty("movedTo").GetString()));
        var moved = await server.Entry("e-settle-53");
        Assert.Equal(("approved", "二清的T+1结算怎么做轧差？"), (moved.GetProperty("status").GetString(), moved.GetProperty("question").GetString()));
    }

    [Fact]
    public async Task A_save_from_a_page_open_on_an_id_a_build_gave_to_another_question_says_where_its_entry_went()
    {
        await using var server = await Start();
        await server.Act("e-settle", "approve", 1);
        var seen = await server.Version("e-settle");
        // The settlement and refund questions swap lines, and so their ids.
        var swap = new Dictionary<string, string> { ["e-settle"] = "e-refund", ["e-refund"] = "e-settle", ["x-settle"] = "x-refund", ["x-refund"] = "x-settle" };
        server.MergeBuild(CurationFixture.Shifted(ReviewServerHost.Fixture(), Day, 4, id => swap[id]));

        var (status, refused) = await server.Act("e-settle", "reject", seen);

        Assert.Equal(409, status);
        Assert.Equal("e-refund", refused.GetProperty("movedTo").GetString());
        Assert.StartsWith("entry e-settle is another question now", Error(refused), StringComparison.Ordinal);
        Assert.Equal(("退款垫资怎么处理？", "candidate"), ((await server.Entry("e-settle")).GetProperty("question").GetString(), (await server.Entry("e-settle")).GetProperty("status").GetString()));
        Assert.Equal(("二清的T+1结算怎么做轧差？", "approved"), ((await server.Entry("e-refund")).GetProperty("question").GetString(), (await server.Entry("e-refund")).GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Shows_the_source_lines_around_a_cited_line_as_the_build_read_them()
    {
        await using var server = await Start();

        var (status, source) = await server.GetJson($"api/source?path={Uri.EscapeDataString(Day)}&line=49");

        Assert.Equal(200, status);
        Assert.Equal((Day, 49), (source.GetProperty("path").GetString(), source.GetProperty("line").GetInt32()));
        var lines = source.GetProperty("lines").EnumerateArray().Select(l => (N: l.GetProperty("n").GetInt32(), Text: l.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(Enumerable.Range(39, 40), lines.Select(l => l.N));
        var file = File.ReadAllLines(Path.Combine(server.Options.InputRoot!, Day));
        Assert.All(lines, l => Assert.Equal(file[l.N - 1], l.Text));
        Assert.Equal("> 10:00:00  张三-某支付-产品-上海", lines.Single(l => l.N == 49).Text);
    }

    [Theory]
    [InlineData(1, 1, 40)]
    [InlineData(11, 1, 40)]
    [InlineData(12, 2, 40)]
    [InlineData(360, 350, 14)]
    [InlineData(363, 353, 11)]
    public async Task Source_lines_start_ten_before_the_line_and_stop_at_the_end_of_the_file(int line, int first, int count)
    {
        await using var server = await Start();

        var (status, source) = await server.GetJson($"api/source?path={Uri.EscapeDataString(Day)}&line={line}");

        Assert.Equal(200, status);
        Assert.Equal(Enumerable.Range(first, count), source.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("n").GetInt32()));
    }

    [Theory]
    [InlineData(364)]
    [InlineData(1000)]
    public async Task A_line_past_the_end_of_the_file_is_not_found_with_a_message_rather_than_shown_as_nothing(int line)
    {
        await using var server = await Start();

        var (status, body) = await server.GetJson($"api/source?path={Uri.EscapeDataString(Day)}&line={line}");

        Assert.Equal((404, $"{Day} has 363 lines, not {line}: has it changed since the build?"), (status, Error(body)));
    }

    [Theory]
    [InlineData("../kb.db")]
    [InlineData("proddev/../../kb.db")]
    [InlineData("../input-private/notes.markdown")]
    [InlineData("..")]
    [InlineData("proddev")]
    [InlineData("proddev/2018-03-06-chat.markdown")]
    [InlineData("devarch/2018-04-26-chat.markdown")]
    [InlineData("\0")]
    [InlineData("proddev/\0/x")]
    public async Task A_path_that_names_no_file_in_the_input_folder_is_not_found_and_nothing_outside_is_read(string path)
    {
        await using var server = await Start();
        // A sibling folder whose name starts with the input folder's: a plain prefix check would let it through.
        var privateFolder = Path.Combine(server.Folder, "input-private");
        Directory.CreateDirectory(privateFolder);
        await File.WriteAllTextAsync(Path.Combine(privateFolder, "notes.markdown"), "secret\n");

        var (status, body) = await server.GetJson($"api/source?path={Uri.EscapeDataString(path)}&line=1");

        Assert.Equal((404, $"no source file {path} under the input folder"), (status, Error(body)));
        Assert.False(body.TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task An_absolute_path_is_not_found_even_inside_the_input_folder()
    {
        await using var server = await Start();
        var outside = Path.Combine(server.Folder, "kb.db");
        var inside = Path.Combine(server.Options.InputRoot!, Day);

        var (outsideStatus, _) = await server.GetJson($"api/source?path={Uri.EscapeDataString(outside)}&line=1");
        var (insideStatus, _) = await server.GetJson($"api/source?path={Uri.EscapeDataString(inside)}&line=1");

        Assert.Equal(404, outsideStatus);
        // Path.Combine keeps an absolute path as it is: one that leads into the folder reads the same file as its relative path.
        Assert.Equal(200, insideStatus);
    }

    [Fact]
    public async Task A_path_that_goes_out_and_back_in_reads_the_file_it_names()
    {
        await using var server = await Start();

        var (status, source) = await server.GetJson($"api/source?path={Uri.EscapeDataString("proddev/../proddev/2018-03-05-chat.markdown")}&line=49");

        Assert.Equal((200, 40), (status, source.GetProperty("lines").GetArrayLength()));
    }

    [Theory]
    [InlineData("line=0", 400, "line 0 does not exist: lines start at 1")]
    [InlineData("line=-5", 400, "line -5 does not exist: lines start at 1")]
    [InlineData("line=x", 400, "Failed to bind parameter \"int line\" from \"x\".")]
    [InlineData("", 400, "Required parameter \"int line\" was not provided from query string.")]
    public async Task A_source_line_that_cannot_be_shown_is_refused_with_a_message(string query, int expected, string error)
    {
        await using var server = await Start();

        var (status, body) = await server.GetJson($"api/source?path={Uri.EscapeDataString(Day)}&{query}");

        Assert.Equal((expected, error), (status, Error(body)));
    }

    [Fact]
    public async Task Without_an_input_folder_source_lines_are_not_shown_and_meta_says_so()
    {
        await using var server = await Start(options => options with { InputRoot = null });

        var (status, body) = await server.GetJson($"api/source?path={Uri.EscapeDataString(Day)}&line=49");
        var (_, meta) = await server.GetJson("api/meta");

        Assert.Equal((404, "kb serve was started without --input, so source files are not shown"), (status, Error(body)));
        Assert.False(meta.GetProperty("sources").GetBoolean());
    }

    private Task<ReviewServerHost> Start(Func<ReviewServerOptions, ReviewServerOptions>? configure = null) =>
        ReviewServerHost.StartAsync(segmenters.Segmenter, configure);

    private static string? Error(JsonElement body) => body.GetProperty("error").GetString();

    private static string[] Ids(JsonElement list) => Strings(list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id")));

    private static string[] Strings(JsonElement array) => Strings(array.EnumerateArray());

    private static string[] Strings(IEnumerable<JsonElement> values) => [.. values.Select(e => e.GetString() ?? "(null)")];
}
