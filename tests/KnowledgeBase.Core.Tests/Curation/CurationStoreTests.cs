using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Faq;
using KnowledgeBase.Core.Segmentation;
using KnowledgeBase.Core.Tests.Segmentation;
using static KnowledgeBase.Core.Tests.Curation.CurationFixture;

namespace KnowledgeBase.Core.Tests.Curation;

public sealed class CurationStoreTests : IClassFixture<SegmenterFixture>, IDisposable
{
    private readonly ChineseSegmenter segmenter;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kb-curation-" + Guid.NewGuid().ToString("N"));
    private readonly CurationStore store;

    public CurationStoreTests(SegmenterFixture segmenters)
    {
        segmenter = segmenters.Segmenter;
        store = new CurationStore(new CurationStoreOptions(Path.Combine(directory, "kb.db")));
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Merge_stores_every_entry_as_candidate_and_returns_the_build()
    {
        var result = store.MergeBuild(CurationFixture.Build());

        Assert.Equal(["e-settle", "e-refund", "e-license"], result.Added);
        Assert.Equal(["e-settle", "e-refund", "e-license"], result.Document.Entries.Select(e => e.Id));
        Assert.All(result.Document.Entries, e => Assert.Equal(CurationStatus.Candidate, e.Status));
        Assert.Equal(3, result.Document.Exchanges.Count);
        Assert.All(store.Audit(), a => Assert.Equal(("build", "build-add"), (a.Actor, a.Action)));
    }

    [Theory]
    [InlineData("e-settle", "e-settle")]
    [InlineData("e-se", "e-settle")]
    [InlineData("e-l", "e-license")]
    [InlineData("e-nothing", "e-nothing")]
    public void An_entry_is_named_by_its_id_or_a_prefix_that_names_one(string given, string id)
    {
        store.Merge(CurationFixture.Build());

        Assert.Equal(id, store.ResolveId(given));
    }

    [Fact]
    public void A_prefix_of_several_entries_names_them_and_acts_on_none()
    {
        store.Merge(CurationFixture.Build());

        var error = Assert.Throws<CurationException>(() => store.ResolveId("e-"));

        Assert.Equal("e- names several entries: e-license, e-refund, e-settle; give more of the id", error.Message);
    }

    [Fact]
    public void Opening_an_existing_store_uses_write_ahead_logging()
    {
        store.Merge(CurationFixture.Build());
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Approve_reject_and_reset_change_status_bump_the_version_and_write_audit_rows()
    {
        store.Merge(CurationFixture.Build());

        var approved = store.Approve("e-settle", "alice");
        var rejected = store.Reject("e-refund", "bob");
        var reset = store.Reset("e-settle", "carol");

        Assert.Equal((CurationStatus.Approved, 2), (approved.Entry.Status, approved.Version));
        Assert.Equal(CurationStatus.Rejected, rejected.Entry.Status);
        Assert.Equal((CurationStatus.Candidate, 3), (reset.Entry.Status, reset.Version));
        var trail = store.Audit("e-settle").Select(a => (a.Actor, a.Action, a.Field, a.OldValue, a.NewValue, a.Version)).ToList();
        Assert.Equal(
            [
                ("carol", "reset", "status", "approved", "candidate", 3),
                ("alice", "approve", "status", "candidate", "approved", 2),
                ("build", "build-add", null, null, "二清的T+1结算怎么做轧差？", 1),
            ],
            trail);
        Assert.Equal(("bob", "reject"), store.Audit("e-refund").Select(a => (a.Actor, a.Action)).First());
    }

    // Microsoft.Data.Sqlite takes whole seconds, and 0 for no limit: 200 ms used to become 0 and wait for ever.
    [Fact]
    public async Task A_busy_timeout_under_a_second_gives_up_instead_of_waiting_for_the_other_writer_for_ever()
    {
        var path = Path.Combine(directory, "busy.db");
        using var busy = new CurationStore(new CurationStoreOptions(path) { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        busy.Merge(CurationFixture.Build());
        Task<CuratedEntry> approve;
        using (var build = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            build.Open();
            using var merging = build.BeginTransaction(deferred: false);
            approve = Task.Run(() => busy.Approve("e-license", "alice"));
            // A hang guard, not a timing: the store gives up after a second.
            Assert.Same(approve, await Task.WhenAny(approve, Task.Delay(TimeSpan.FromSeconds(30))));
        }

        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => approve);
        Assert.Equal(5, refused.SqliteErrorCode);
        Assert.Equal(("candidate", 1), (busy.Get("e-license")!.Entry.Status, busy.Get("e-license")!.Version));
    }

    [Fact]
    public void Audit_rows_carry_the_time_of_the_action()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        using var timed = new CurationStore(new CurationStoreOptions(Path.Combine(directory, "timed.db")) { Clock = clock });
        timed.Merge(CurationFixture.Build());
        clock.Now += TimeSpan.FromMinutes(5);

        timed.Approve("e-license", "alice");

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 11, 7, TimeSpan.Zero), timed.Audit("e-license")[0].At);
    }

    [Fact]
    public void Several_entries_change_status_together_or_none_does_when_one_is_unknown_or_merged_away()
    {
        store.Merge(CurationFixture.Build());
        store.MergeEntries("e-refund", "e-settle", "alice");

        var refused = Assert.Throws<CurationException>(() => store.SetStatus(["e-settle", "nosuch", "e-refund", "e-license"], CurationStatus.Approved, "bob"));

        Assert.Equal("nothing was changed: no entry nosuch in the store; e-refund was merged into e-settle: act on that entry", refused.Message);
        Assert.Equal(["candidate", "candidate"], new[] { store.Get("e-settle")!, store.Get("e-license")! }.Select(e => e.Entry.Status));
        Assert.DoesNotContain(store.Audit(), a => a.Actor == "bob");

        var approved = store.SetStatus(["e-license", "e-settle"], CurationStatus.Approved, "bob");

        Assert.Equal([("e-license", "approved", 2), ("e-settle", "approved", 3)], approved.Select(e => (e.Id, e.Entry.Status, e.Version)));
        Assert.Equal(2, store.Audit().Count(a => a.Actor == "bob" && a.Action == "approve"));
    }

    [Fact]
    public void Approving_twice_changes_nothing_the_second_time()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");

        var again = store.Approve("e-settle", "alice");

        Assert.Equal(2, again.Version);
        Assert.Equal(2, store.Audit("e-settle").Count);
    }

    [Fact]
    public void Edit_changes_question_answer_and_topic_with_one_audit_row_per_field()
    {
        store.Merge(CurationFixture.Build());

        var edited = store.Edit("e-refund", new EntryEdit("退款垫资如何处理？", "用备付金垫资。", "t-license"), "alice", expectedVersion: 1);

        Assert.Equal(("退款垫资如何处理？", "用备付金垫资。", "t-license"), (edited.Entry.Question, edited.Entry.Answer, edited.Entry.TopicId));
        Assert.True(edited.Edited);
        Assert.Equal("退款垫资怎么处理？", edited.BuiltQuestion);
        Assert.Equal(
            [("move-topic", "topic", "t-settle", "t-license"), ("edit", "answer", "李四：用备付金垫资，次日从结算款扣回。", "用备付金垫资。"), ("edit", "question", "退款垫资怎么处理？", "退款垫资如何处理？")],
            store.Audit("e-refund").Take(3).Select(a => (a.Action, a.Field!, a.OldValue!, a.NewValue!)).ToList());
    }

    [Fact]
    public void Edit_refuses_an_unknown_topic_and_an_empty_answer()
    {
        store.Merge(CurationFixture.Build());

        Assert.Throws<CurationException>(() => store.MoveTopic("e-refund", "t-nowhere", "alice"));
        Assert.Throws<CurationException>(() => store.Edit("e-refund", new EntryEdit(Answer: "  "), "alice"));
        Assert.Equal(1, store.Get("e-refund")!.Version);
    }

    [Fact]
    public void Edits_and_notes_with_a_control_character_or_half_a_surrogate_pair_are_refused_saying_where()
    {
        store.Merge(CurationFixture.Build());

        Assert.Equal(
            "the answer has a control character (U+0000) at character 3; nothing was saved",
            Assert.Throws<CurationException>(() => store.Edit("e-refund", new EntryEdit(Answer: "垫资\0"), "alice")).Message);
        Assert.Equal(
            "the question has half of a surrogate pair (U+D83D) at character 2; nothing was saved",
            Assert.Throws<CurationException>(() => store.Edit("e-refund", new EntryEdit(Question: "垫\uD83D资？"), "alice")).Message);
        Assert.Throws<CurationException>(() => store.AddNote("e-refund", "\uDE00", "alice"));
        Assert.Equal(1, store.Get("e-refund")!.Version);

        // An emoji (a whole pair), line breaks and tabs are text.
        store.Edit("e-refund", new EntryEdit(Answer: "垫资 \uD83D\uDE00\n第二行\t完"), "alice");
        Assert.Equal("垫资 \uD83D\uDE00\n第二行\t完", store.Get("e-refund")!.Entry.Answer);
    }

    [Fact]
    public void A_reviewer_name_with_a_tab_a_line_break_or_another_control_character_is_refused_saying_where()
    {
        store.Merge(CurationFixture.Build());

        Assert.Equal(
            "the reviewer name has a control character (U+0009) at character 2; nothing was saved",
            Assert.Throws<CurationException>(() => store.Approve("e-refund", "x\ty")).Message);
        Assert.Throws<CurationException>(() => store.AddNote("e-refund", "fine", "al\nice"));
        Assert.Throws<CurationException>(() => store.SetStatus(["e-refund", "e-settle"], CurationStatus.Rejected, "ev\u001b[31mil"));
        Assert.Throws<CurationException>(() => store.MergeEntries("e-refund", "e-settle", "\uD83Dbob"));

        Assert.Equal((1, 1), (store.Get("e-refund")!.Version, store.Get("e-settle")!.Version));
        Assert.DoesNotContain(store.Audit(), a => a.Actor != "build");
        store.Approve("e-refund", "张三 \uD83D\uDE00");
        Assert.Equal("张三 \uD83D\uDE00", store.Audit("e-refund")[0].Actor);
    }

    [Fact]
    public void A_stale_save_is_a_conflict_that_names_who_changed_the_entry_and_writes_nothing()
    {
        store.Merge(CurationFixture.Build());
        var seen = store.Get("e-settle")!.Version;
        store.Edit("e-settle", new EntryEdit(Answer: "alice's answer"), "alice", seen);

        var conflict = Assert.Throws<CurationConflictException>(() => store.Edit("e-settle", new EntryEdit(Answer: "bob's answer"), "bob", seen));

        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Contains("alice", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("reload", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("alice's answer", store.Get("e-settle")!.Entry.Answer);
        Assert.DoesNotContain(store.Audit("e-settle"), a => a.Actor == "bob");
    }

    [Fact]
    public void Two_reviewers_saving_at_once_from_the_same_version_get_one_save_and_one_conflict()
    {
        store.Merge(CurationFixture.Build());
        using var start = new Barrier(2);
        var outcomes = new string[2];

        Parallel.For(0, 2, i =>
        {
            start.SignalAndWait();
            try
            {
                store.Edit("e-license", new EntryEdit(Answer: $"answer {i}"), $"reviewer{i}", expectedVersion: 1);
                outcomes[i] = "saved";
            }
            catch (CurationConflictException)
            {
                outcomes[i] = "conflict";
            }
        });

        Assert.Equal(["conflict", "saved"], outcomes.Order());
        Assert.Equal(2, store.Get("e-license")!.Version);
    }

    [Fact]
    public void Notes_are_kept_in_order_with_their_author()
    {
        store.Merge(CurationFixture.Build());

        store.AddNote("e-license", "ask compliance", "alice");
        var entry = store.AddNote("e-license", "confirmed", "bob");

        Assert.Equal([("alice", "ask compliance"), ("bob", "confirmed")], entry.Notes.Select(n => (n.Actor, n.Text)));
        Assert.Equal("note", store.Audit("e-license")[0].Action);
    }

    [Fact]
    public void Merging_two_entries_moves_the_exchanges_and_hides_the_source()
    {
        store.Merge(CurationFixture.Build());

        var target = store.MergeEntries("e-refund", "e-settle", "alice", expectedSourceVersion: 1, expectedTargetVersion: 1);

        Assert.Equal(["x-settle", "x-refund"], target.Entry.ExchangeIds);
        Assert.Contains(new SourceRef("proddev/2018-03-05-chat.markdown", 353), target.Entry.Sources);
        Assert.Equal("e-settle", store.Get("e-refund")!.MergedInto);
        Assert.DoesNotContain(store.List(new EntryQuery()), e => e.Id == "e-refund");
        Assert.Equal(("merge", "merged_from", "e-refund"), store.Audit("e-settle").Select(a => (a.Action, a.Field, a.NewValue)).First());
        Assert.Throws<CurationException>(() => store.Approve("e-refund", "bob"));
        Assert.Equal("name the entry to merge e-license into", Assert.Throws<CurationException>(() => store.MergeEntries("e-license", " ", "alice")).Message);
    }

    [Fact]
    public void Splitting_moves_exchanges_to_a_new_candidate_entry()
    {
        store.Merge(CurationFixture.Build());
        store.MergeEntries("e-refund", "e-settle", "alice");

        var split = store.Split("e-settle", ["x-refund"], "alice");

        Assert.Equal(["x-refund"], split.Entry.ExchangeIds);
        Assert.Equal(("split", CurationStatus.Candidate), (split.Origin, split.Entry.Status));
        Assert.Equal(["x-settle"], store.Get("e-settle")!.Entry.ExchangeIds);
        Assert.Throws<CurationException>(() => store.Split("e-settle", ["x-settle"], "alice"));
    }

    [Fact]
    public void Splitting_a_merged_entry_back_off_restores_the_text_the_build_gave_its_exchanges()
    {
        store.Merge(WithOwnKeywords(CurationFixture.Build()));
        store.Edit("e-settle", new EntryEdit(Question: "轧差怎么做？", Answer: "日终轧差后出款。"), "alice");
        store.MergeEntries("e-refund", "e-settle", "alice");

        var split = store.Split("e-settle", ["x-refund"], "bob");

        var refund = CurationFixture.Build().Entries.Single(e => e.Id == "e-refund");
        Assert.Equal(
            (refund.TopicId, refund.Question, refund.Answer, refund.Confidence),
            (split.Entry.TopicId, split.Entry.Question, split.Entry.Answer, split.Entry.Confidence));
        Assert.Equal(["垫资"], split.Entry.Keywords);
        Assert.Equal(refund.Experts, split.Entry.Experts);
        Assert.Equal(refund.Sources, split.Entry.Sources);
        Assert.False(split.Edited);
        var settle = store.Get("e-settle")!;
        Assert.Equal(("轧差怎么做？", "日终轧差后出款。"), (settle.Entry.Question, settle.Entry.Answer));
        Assert.Equal(["结算"], settle.Entry.Keywords);
        Assert.Equal(["x-settle"], settle.Entry.ExchangeIds);
    }

    [Fact]
    public void Splitting_an_exchange_off_an_entry_the_build_made_of_two_gives_it_that_exchange_s_own_text()
    {
        var build = CurationFixture.Build(withNewDay: true);
        store.Merge(build);
        store.Edit("e-settle", new EntryEdit(Answer: "日终轧差后出款。"), "alice");

        var split = store.Split("e-settle", ["x-settle-2"], "bob");

        var expected = new FaqEntryBuilder(segmenter).Entry([build.Exchanges.Single(x => x.Id == "x-settle-2")]);
        Assert.Equal(("轧差到底怎么做？", "李四（某银行·技术）：日终轧差。"), (split.Entry.Question, split.Entry.Answer));
        Assert.Equal(
            (expected.TopicId, expected.Question, expected.Answer, expected.Confidence),
            (split.Entry.TopicId, split.Entry.Question, split.Entry.Answer, split.Entry.Confidence));
        Assert.Equal(expected.Keywords, split.Entry.Keywords);
        Assert.Equal(expected.Experts, split.Entry.Experts);
        Assert.Equal(expected.Sources, split.Entry.Sources);
        Assert.Equal(["x-settle-2"], split.Entry.ExchangeIds);
        var settle = store.Get("e-settle")!;
        Assert.Equal(("二清的T+1结算怎么做轧差？", "日终轧差后出款。"), (settle.Entry.Question, settle.Entry.Answer));
        Assert.Equal(["x-settle"], settle.Entry.ExchangeIds);
        Assert.Contains(store.List(new EntryQuery(Text: "到底")), e => e.Id == split.Id);
    }

    [Fact]
    public void Splitting_off_the_exchange_an_entry_s_text_came_from_gives_the_entry_the_text_of_what_it_keeps()
    {
        var build = CurationFixture.Build(withNewDay: true);
        store.Merge(build);

        var split = store.Split("e-settle", ["x-settle"], "bob");

        Assert.Equal("二清的T+1结算怎么做轧差？", split.Entry.Question);
        var expected = new FaqEntryBuilder(segmenter).Entry([build.Exchanges.Single(x => x.Id == "x-settle-2")]);
        var settle = store.Get("e-settle")!;
        Assert.Equal((expected.Question, expected.Answer, true), (settle.Entry.Question, settle.Entry.Answer, settle.Edited));
        Assert.Contains(store.Audit("e-settle"), a => a is { Actor: "bob", Action: "split-text", Field: "question", OldValue: "二清的T+1结算怎么做轧差？" });
        Assert.DoesNotContain(store.List(new EntryQuery(Text: "二清")), e => e.Id == "e-settle");
        // A rebuild words the entry from all its exchanges again; the text it has since the split stays.
        store.Merge(build);
        Assert.Equal(expected.Question, store.Get("e-settle")!.Entry.Question);
    }

    [Fact]
    public void Splitting_off_the_exchange_an_entry_s_text_came_from_keeps_the_analyst_s_own_wording()
    {
        store.Merge(CurationFixture.Build(withNewDay: true));
        var answer = store.Edit("e-settle", new EntryEdit(Question: "轧差怎么做？"), "alice").Entry.Answer;

        store.Split("e-settle", ["x-settle"], "bob");

        var settle = store.Get("e-settle")!;
        Assert.Equal(("轧差怎么做？", answer), (settle.Entry.Question, settle.Entry.Answer));
        Assert.DoesNotContain(store.Audit("e-settle"), a => a.Action == "split-text");
    }

    [Fact]
    public void A_split_survives_rebuilds_with_its_own_text_and_the_remaining_entry_keeps_its_edits()
    {
        var build = WithOwnKeywords(CurationFixture.Build());
        store.Merge(build);
        store.Edit("e-settle", new EntryEdit(Answer: "日终轧差后出款。"), "alice");
        store.MergeEntries("e-refund", "e-settle", "alice");
        var split = store.Split("e-settle", ["x-refund"], "bob");

        store.Merge(build);
        var result = store.MergeBuild(build);

        Assert.Empty(result.Changed);
        Assert.Equal(["e-settle", split.Id, "e-license"], result.Document.Entries.Select(e => e.Id));
        var refund = build.Entries.Single(e => e.Id == "e-refund");
        foreach (var again in new[] { result.Document.Entries.Single(e => e.Id == split.Id), store.Get(split.Id)!.Entry })
        {
            Assert.Equal((refund.Question, refund.Answer, refund.Confidence), (again.Question, again.Answer, again.Confidence));
            Assert.Equal(["x-refund"], again.ExchangeIds);
            Assert.Equal(["垫资"], again.Keywords);
            Assert.Equal(refund.Experts, again.Experts);
            Assert.Equal(refund.Sources, again.Sources);
        }

        var settle = result.Document.Entries.Single(e => e.Id == "e-settle");
        Assert.Equal("日终轧差后出款。", settle.Answer);
        Assert.Equal(["x-settle"], settle.ExchangeIds);
    }

    [Fact]
    public void A_split_is_in_the_history_of_both_entries_with_the_text_the_new_one_starts_from()
    {
        store.Merge(CurationFixture.Build());
        store.MergeEntries("e-refund", "e-settle", "alice");

        var split = store.Split("e-settle", ["x-refund"], "bob");

        Assert.Equal(("split", "exchanges", "x-refund", split.Id), store.Audit("e-settle").Select(a => (a.Action, a.Field, a.OldValue, a.NewValue)).First());
        Assert.Equal(
            [("split", "split_from", null, "e-settle"), ("split", "question", null, "退款垫资怎么处理？")],
            store.Audit(split.Id).Select(a => (a.Action, a.Field, a.OldValue, a.NewValue)).Reverse());
    }

    [Fact]
    public void An_exchange_split_off_merged_back_and_split_off_again_goes_to_a_new_entry_and_the_first_keeps_its_history()
    {
        store.Merge(CurationFixture.Build());
        store.MergeEntries("e-refund", "e-settle", "alice");
        var first = store.Split("e-settle", ["x-refund"], "bob");
        store.MergeEntries(first.Id, "e-settle", "bob");

        var again = store.Split("e-settle", ["x-refund"], "carol");
        store.MergeEntries(again.Id, "e-settle", "carol");
        var third = store.Split("e-settle", ["x-refund"], "dave");

        Assert.Equal([first.Id + "-2", first.Id + "-3"], new[] { again.Id, third.Id });
        Assert.Equal(["x-refund"], third.Entry.ExchangeIds);
        Assert.Equal((CurationStatus.Candidate, "退款垫资怎么处理？"), (third.Entry.Status, third.Entry.Question));
        Assert.Equal(["x-settle"], store.Get("e-settle")!.Entry.ExchangeIds);
        Assert.Equal("e-settle", store.Get(first.Id)!.MergedInto);
        Assert.Equal(
            [("split", "split_from", "e-settle"), ("split", "question", "退款垫资怎么处理？"), ("merge", "merged_into", "e-settle")],
            store.Audit(first.Id).Select(a => (a.Action, a.Field!, a.NewValue!)).Reverse());
        Assert.Equal(
            [first.Id, again.Id, third.Id],
            store.Audit("e-settle").Where(a => a.Action == "split").Select(a => a.NewValue).Reverse());
        Assert.Equal(["e-settle", third.Id, "e-license"], store.MergeBuild(CurationFixture.Build()).Document.Entries.Select(e => e.Id));
    }

    [Fact]
    public void An_action_the_database_refuses_is_a_curation_error_and_saves_nothing()
    {
        store.Merge(CurationFixture.Build());
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit WHEN NEW.actor = 'mallory' BEGIN SELECT RAISE(ABORT, 'no audit for mallory'); END;";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<CurationException>(() => store.Approve("e-settle", "mallory"));

        Assert.Equal("the store refused this change to e-settle (SQLite Error 19: 'no audit for mallory'); nothing was saved", refused.Message);
        Assert.Equal((CurationStatus.Candidate, 1), (store.Get("e-settle")!.Entry.Status, store.Get("e-settle")!.Version));
    }

    [Fact]
    public void Rebuilding_the_same_corpus_keeps_every_decision_edit_merge_and_note()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Edit("e-settle", new EntryEdit(Answer: "日终轧差后出款。"), "alice");
        store.Reject("e-license", "bob");
        store.AddNote("e-license", "off topic", "bob");
        store.MergeEntries("e-refund", "e-settle", "alice");

        var result = store.MergeBuild(CurationFixture.Build());

        Assert.Empty(result.Added);
        Assert.Empty(result.Changed);
        Assert.Empty(result.ChangedSinceReview);
        var settle = result.Document.Entries.Single(e => e.Id == "e-settle");
        Assert.Equal((CurationStatus.Approved, "日终轧差后出款。"), (settle.Status, settle.Answer));
        Assert.Equal(["x-settle", "x-refund"], settle.ExchangeIds);
        Assert.Equal(CurationStatus.Rejected, result.Document.Entries.Single(e => e.Id == "e-license").Status);
        Assert.DoesNotContain(result.Document.Entries, e => e.Id == "e-refund");
        Assert.Single(store.Get("e-license")!.Notes);
        Assert.False(store.Get("e-settle")!.ChangedSinceReview);
    }

    [Fact]
    public void A_new_day_that_changes_an_approved_entry_flags_it_changed_since_review_and_keeps_it_approved()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Edit("e-settle", new EntryEdit(Question: "轧差怎么做？"), "alice");
        store.Approve("e-refund", "alice");

        var result = store.MergeBuild(CurationFixture.Build(withNewDay: true));

        Assert.Equal(["e-settle"], result.ChangedSinceReview);
        var settle = store.Get("e-settle")!;
        Assert.True(settle.ChangedSinceReview);
        Assert.Equal((CurationStatus.Approved, "轧差怎么做？"), (settle.Entry.Status, settle.Entry.Question));
        Assert.Equal(["x-settle", "x-settle-2"], settle.Entry.ExchangeIds);
        Assert.False(store.Get("e-refund")!.ChangedSinceReview);
        Assert.Contains(store.Audit("e-settle"), a => a is { Actor: "build", Action: "changed-since-review" });
        Assert.Equal(["e-settle"], store.List(new EntryQuery(ChangedSinceReview: true)).Select(e => e.Id));

        var reviewed = store.Approve("e-settle", "alice");

        Assert.False(reviewed.ChangedSinceReview);
    }

    [Fact]
    public void An_entry_the_build_no_longer_produces_is_kept_with_its_decision()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-license", "alice");
        var smaller = CurationFixture.Build();
        smaller = smaller with { Entries = smaller.Entries.Where(e => e.Id != "e-license").ToList() };

        var result = store.MergeBuild(smaller);

        Assert.Equal(["e-license"], result.Missing);
        var license = store.Get("e-license")!;
        Assert.Equal((CurationStatus.Approved, false, true), (license.Entry.Status, license.InLatestBuild, license.ChangedSinceReview));
        Assert.DoesNotContain(store.List(new EntryQuery()), e => e.Id == "e-license");
        Assert.Contains(store.List(new EntryQuery(IncludeMissing: true)), e => e.Id == "e-license");
        // The build says one approved entry changed since review: the list of those shows it, missing or not.
        Assert.Equal(["e-license"], Ids(new EntryQuery(ChangedSinceReview: true)));
        Assert.DoesNotContain("e-license", Ids(new EntryQuery(ChangedSinceReview: false)));

        store.Merge(CurationFixture.Build());

        Assert.True(store.Get("e-license")!.InLatestBuild);
        Assert.Equal(CurationStatus.Approved, store.Get("e-license")!.Entry.Status);
    }

    [Fact]
    public void An_approved_entry_a_build_brings_back_as_reviewed_is_no_longer_flagged()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-license", "alice");
        store.Approve("e-settle", "alice");
        // A build of the wrong folder: nothing produced, every entry missing, the approved ones flagged.
        var nothing = CurationFixture.Build() with { Topics = [], Exchanges = [], Entries = [] };
        Assert.Equal(["e-license", "e-settle"], store.MergeBuild(nothing).ChangedSinceReview.Order(StringComparer.Ordinal));

        var result = store.MergeBuild(CurationFixture.Build());

        Assert.Empty(result.ChangedSinceReview);
        Assert.Empty(store.List(new EntryQuery(ChangedSinceReview: true)));
        var license = store.Get("e-license")!;
        Assert.Equal((CurationStatus.Approved, true, false), (license.Entry.Status, license.InLatestBuild, license.ChangedSinceReview));
        Assert.Equal(
            ["back-as-reviewed", "build-back", "changed-since-review", "build-missing"],
            store.Audit("e-license").TakeWhile(a => a.Action != "approve").Select(a => a.Action));
    }

    [Fact]
    public void An_approved_entry_whose_sources_change_stays_flagged_until_they_are_back_to_those_approved()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Merge(CurationFixture.Build(withNewDay: true));
        var smaller = CurationFixture.Build(withNewDay: true);
        store.Merge(smaller with { Entries = smaller.Entries.Where(e => e.Id != "e-settle").ToList() });
        store.Merge(CurationFixture.Build(withNewDay: true));

        Assert.True(store.Get("e-settle")!.ChangedSinceReview);

        store.Merge(CurationFixture.Build());

        Assert.False(store.Get("e-settle")!.ChangedSinceReview);
        Assert.Equal(CurationStatus.Approved, store.Get("e-settle")!.Entry.Status);
    }

    [Fact]
    public void An_approved_entry_whose_cited_message_is_rewritten_in_place_is_flagged_changed_since_review()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Approve("e-refund", "alice");
        // The answer of e-settle now says the opposite, on the same line: the sources are the same places.
        var rewritten = Rewritten(CurationFixture.Build(), "proddev/2018-03-05-chat.markdown", 53, "不用轧差，直接全额出款。");

        var result = store.MergeBuild(rewritten);

        Assert.Equal(["e-settle"], result.ChangedSinceReview);
        Assert.True(store.Get("e-settle")!.ChangedSinceReview);
        Assert.False(store.Get("e-refund")!.ChangedSinceReview);
        Assert.Equal(["e-settle"], store.List(new EntryQuery(ChangedSinceReview: true)).Select(e => e.Id));

        store.Approve("e-settle", "alice");
        Assert.Empty(store.MergeBuild(rewritten).ChangedSinceReview);
        Assert.False(store.Get("e-settle")!.ChangedSinceReview);
    }

    [Fact]
    public void An_approved_entry_split_off_another_goes_missing_and_is_flagged_when_its_exchanges_are_gone_and_is_back_with_them()
    {
        var split = ApprovedSplitOfRefund();
        // The refund question's messages are gone from the day (a fuller export that left them out).
        var without = Without(CurationFixture.Build(), "refund");

        var result = store.MergeBuild(without);

        Assert.Equal(["e-refund", split], result.Missing.Order(StringComparer.Ordinal).ToList());
        Assert.Equal([split], result.ChangedSinceReview);
        var gone = store.Get(split)!;
        Assert.Equal((CurationStatus.Approved, false, true), (gone.Entry.Status, gone.InLatestBuild, gone.ChangedSinceReview));
        Assert.DoesNotContain(result.Document.Entries, e => e.Id == split);
        Assert.Empty(store.ExportApproved().Entries);
        Assert.Contains(store.Audit(split), a => a is { Action: "build-missing", Actor: "build" });

        var back = store.MergeBuild(CurationFixture.Build());

        Assert.Empty(back.ChangedSinceReview);
        var restored = store.Get(split)!;
        Assert.Equal((true, false, "x-refund"), (restored.InLatestBuild, restored.ChangedSinceReview, Assert.Single(restored.Entry.ExchangeIds)));
        Assert.Contains(back.Document.Entries, e => e.Id == split);
        Assert.Equal([split], store.ExportApproved().Entries.Select(e => e.Id));
    }

    [Fact]
    public void A_build_without_masking_of_the_same_input_leaves_an_approval_of_the_masked_text_as_reviewed()
    {
        store.Merge(Rewritten(CurationFixture.Build(), Day, 53, "打我电话 [手机号]"));
        store.Approve("e-settle", "alice");

        // kb build --no-mask: the same message with the number the default build masked.
        var result = store.MergeBuild(Rewritten(CurationFixture.Build(), Day, 53, "打我电话 13812345678"));

        Assert.Empty(result.ChangedSinceReview);
        Assert.False(store.Get("e-settle")!.ChangedSinceReview);
        Assert.Equal(["e-settle"], store.MergeBuild(Rewritten(CurationFixture.Build(), Day, 53, "打我电话 13912345678 吧")).ChangedSinceReview);
    }

    [Fact]
    public void An_approved_entry_split_off_another_is_flagged_when_a_message_it_cites_is_rewritten()
    {
        var split = ApprovedSplitOfRefund();
        Assert.Empty(store.MergeBuild(CurationFixture.Build()).ChangedSinceReview);

        var result = store.MergeBuild(Rewritten(CurationFixture.Build(), Day, 360, "退款不能垫资。"));

        Assert.Equal([split], result.ChangedSinceReview);
        Assert.True(store.Get(split)!.ChangedSinceReview);
    }

    [Fact]
    public void An_approved_entry_is_flagged_when_a_message_of_an_entry_merged_into_it_is_rewritten_or_gone()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        // The analyst's own merge is what they stand behind: the next build of the same input flags nothing.
        store.MergeEntries("e-license", "e-settle", "alice");
        Assert.Empty(store.MergeBuild(CurationFixture.Build()).ChangedSinceReview);

        var rewritten = store.MergeBuild(Rewritten(CurationFixture.Build(), "devarch/2018-04-26-chat.markdown", 20, "要两年。"));

        Assert.Equal(["e-settle"], rewritten.ChangedSinceReview);
        store.Approve("e-settle", "alice");
        var without = Without(CurationFixture.Build(), "license");

        var gone = store.MergeBuild(without);

        Assert.Equal(["e-settle"], gone.ChangedSinceReview);
        // faq.json names only exchanges it has.
        var exchanges = gone.Document.Exchanges.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(gone.Document.Entries, e => Assert.All(e.ExchangeIds, x => Assert.Contains(x, exchanges)));
        Assert.Equal(["x-settle"], store.Get("e-settle")!.Entry.ExchangeIds);
    }

    [Fact]
    public void A_store_that_reviewed_built_sources_only_takes_what_an_entry_cites_as_reviewed_once_and_then_sees_merged_in_changes()
    {
        store.Merge(CurationFixture.Build());
        store.MergeEntries("e-license", "e-settle", "alice");
        store.MergeEntries("e-refund", "e-settle", "alice");
        var split = store.Split("e-settle", ["x-refund"], "alice").Entry.Id;
        store.Approve("e-settle", "alice");
        store.Approve(split, "alice");
        // As a store written before the reviewed hash covered merges and splits: of the build's own sources, or of the
        // split entry's sources at the split.
        using var reopened = ReopenedAfter("UPDATE entries SET reviewed_hash = content_hash, eff_content_hash = NULL WHERE status = 'approved';");

        Assert.Empty(reopened.MergeBuild(CurationFixture.Build()).ChangedSinceReview);
        Assert.Equal(["e-settle"], reopened.MergeBuild(Rewritten(CurationFixture.Build(), "devarch/2018-04-26-chat.markdown", 20, "要两年。")).ChangedSinceReview);
        Assert.Equal([split], reopened.MergeBuild(Rewritten(CurationFixture.Build(), Day, 360, "退款不能垫资。")).ChangedSinceReview);
    }

    [Fact]
    public void An_approval_of_an_older_store_flagged_by_a_rewritten_message_is_unflagged_when_the_message_is_back()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-license", "alice");
        // As a store written before the reviewed hash covered merges and splits.
        using var reopened = ReopenedAfter("UPDATE entries SET reviewed_hash = content_hash, eff_content_hash = NULL WHERE status = 'approved';");

        Assert.Equal(["e-license"], reopened.MergeBuild(Rewritten(CurationFixture.Build(), "devarch/2018-04-26-chat.markdown", 20, "要两年。")).ChangedSinceReview);
        Assert.True(reopened.Get("e-license")!.ChangedSinceReview);

        Assert.Empty(reopened.MergeBuild(CurationFixture.Build()).ChangedSinceReview);
        Assert.False(reopened.Get("e-license")!.ChangedSinceReview);
        Assert.Contains(reopened.Audit("e-license"), a => a.Action == "back-as-reviewed");
    }

    [Fact]
    public void A_store_that_reviewed_places_only_takes_the_text_as_reviewed_once_and_then_sees_text_changes()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Approve("e-refund", "alice");
        store.Approve("e-license", "alice");
        // As a store written before reviewed hashes covered text: no content_hash column, reviewed_hash of the places.
        using var reopened = ReopenedAfter("ALTER TABLE entries DROP COLUMN content_hash; UPDATE entries SET reviewed_hash = sources_hash WHERE status = 'approved';");
        // e-license's answer is rewritten before the first build of the new kind: the old hash could not see that, so
        // it is taken as reviewed; e-refund gains a source, which the old hash sees.
        var first = Rewritten(CurationFixture.Build(), "devarch/2018-04-26-chat.markdown", 20, "要两年。");
        first = first with { Entries = first.Entries.Select(e => e.Id == "e-refund" ? e with { Sources = [.. e.Sources, new SourceRef("proddev/2018-03-05-chat.markdown", 57)] } : e).ToList() };

        var result = reopened.MergeBuild(first);

        Assert.Equal(["e-refund"], result.ChangedSinceReview);
        Assert.False(reopened.Get("e-settle")!.ChangedSinceReview);
        Assert.False(reopened.Get("e-license")!.ChangedSinceReview);

        var second = Rewritten(first, "proddev/2018-03-05-chat.markdown", 53, "不用轧差，直接全额出款。");

        Assert.Equal(["e-settle"], reopened.MergeBuild(second).ChangedSinceReview);
        Assert.False(reopened.Get("e-license")!.ChangedSinceReview);
    }

    [Fact]
    public void A_question_on_another_line_keeps_every_decision_edit_and_note_under_its_new_id()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.AddNote("e-settle", "checked against the rules", "alice");
        store.Edit("e-refund", new EntryEdit(Question: "垫资怎么退？"), "bob");
        store.Reject("e-refund", "bob");
        store.Reject("e-license", "bob");

        // A fuller re-export: one message more at the top of the day, so every question of the day is 4 lines further down.
        var result = store.MergeBuild(Shifted(CurationFixture.Build(), Day, 4, id => id + "-16"));

        Assert.Equal([("e-refund", "e-refund-16"), ("e-settle", "e-settle-16")], result.Moved.Select(p => (p.Key, p.Value)).Order());
        Assert.Equal((0, 0, 0, 0), (result.Added.Count, result.Missing.Count, result.Changed.Count, result.ChangedSinceReview.Count));
        Assert.Null(store.Get("e-settle"));
        var settle = store.Get("e-settle-16")!;
        Assert.Equal((CurationStatus.Approved, false, true), (settle.Entry.Status, settle.ChangedSinceReview, settle.InLatestBuild));
        Assert.Equal(["checked against the rules"], settle.Notes.Select(n => n.Text));
        Assert.Equal(["x-settle-16"], settle.Entry.ExchangeIds);
        var refund = store.Get("e-refund-16")!;
        Assert.Equal((CurationStatus.Rejected, "垫资怎么退？"), (refund.Entry.Status, refund.Entry.Question));
        Assert.Equal(CurationStatus.Rejected, store.Get("e-license")!.Entry.Status);
        var history = store.Audit("e-settle-16");
        Assert.Contains(history, a => a is { Actor: "build", Action: "build-reanchor", Field: "id", OldValue: "e-settle", NewValue: "e-settle-16" });
        Assert.Contains(history, a => a is { Action: "build-reanchor", Field: "question", OldValue: "line 49", NewValue: "line 53" });
        Assert.Contains(history, a => a is { Actor: "alice", Action: "approve" });
        Assert.Equal(
            "no entry e-settle in the store: a build moved it to e-settle-16 (its question is on another line or in another file now)",
            Assert.Throws<CurationException>(() => store.Audit("e-settle")).Message);
        Assert.Equal("no entry e-nowhere in the store", Assert.Throws<CurationException>(() => store.Audit("e-nowhere")).Message);
        // An action on the old id (an open page, a script) is told where the entry went, and so is a bookmark.
        var acted = Assert.Throws<CurationException>(() => store.Reset("e-settle", "carol", 2));
        Assert.Equal(("e-settle-16", "no entry e-settle in the store: a build moved it to e-settle-16 (its question is on another line or in another file now)"), (acted.MovedTo, acted.Message));
        Assert.Equal("e-settle-16", Assert.Throws<CurationException>(() => store.MergeEntries("e-settle", "e-license", "carol")).MovedTo);
        Assert.Equal("e-settle-16", store.MovedTo("e-settle"));
        Assert.Null(store.MovedTo("e-settle-16"));
        Assert.Null(store.MovedTo("e-nowhere"));
        Assert.Equal(["e-settle-16"], Ids(new EntryQuery(Text: "轧差")));
        Assert.Equal(
            [("e-settle-16", CurationStatus.Approved), ("e-refund-16", CurationStatus.Rejected), ("e-license", CurationStatus.Rejected)],
            result.Document.Entries.Select(e => (e.Id, e.Status)));

        // Moved again: the oldest id leads to where the entry is now.
        store.MergeBuild(Shifted(CurationFixture.Build(), Day, 8, id => id + "-20"));
        Assert.Equal(("e-settle-20", "e-settle-20"), (store.MovedTo("e-settle"), store.MovedTo("e-settle-16")));
    }

    [Fact]
    public void A_file_renamed_or_moved_to_another_group_folder_keeps_its_entries_with_every_decision_under_their_new_ids()
    {
        store.Merge(CurationFixture.Build(withNewDay: true));
        store.Approve("e-settle", "alice");
        store.AddNote("e-settle", "checked against the rules", "alice");
        store.Edit("e-refund", new EntryEdit(Question: "垫资怎么退？"), "bob");
        store.MergeEntries("e-refund", "e-license", "bob");
        const string elsewhere = "devarch/2018-03-05-chat.markdown";

        var result = store.MergeBuild(CurationFixture.Renamed(CurationFixture.Build(withNewDay: true), Day, elsewhere, id => id + "-dev"));

        Assert.Equal([("e-refund", "e-refund-dev"), ("e-settle", "e-settle-dev")], result.Moved.Select(p => (p.Key, p.Value)).Order());
        // Moved, not changed: the same messages say the same things.
        Assert.Equal((0, 0, 0, 0), (result.Added.Count, result.Missing.Count, result.Changed.Count, result.ChangedSinceReview.Count));
        Assert.Null(store.Get("e-settle"));
        var settle = store.Get("e-settle-dev")!;
        Assert.Equal((CurationStatus.Approved, true, false), (settle.Entry.Status, settle.InLatestBuild, settle.ChangedSinceReview));
        Assert.Equal(["checked against the rules"], settle.Notes.Select(n => n.Text));
        Assert.Equal(["x-settle-dev", "x-settle-2"], settle.Entry.ExchangeIds);
        Assert.Equal(elsewhere, settle.Entry.Sources[0].Path);
        var refund = store.Get("e-refund-dev")!;
        Assert.Equal(("垫资怎么退？", "e-license"), (refund.Entry.Question, refund.MergedInto));
        Assert.Contains("x-refund-dev", store.Get("e-license")!.Entry.ExchangeIds);
        Assert.Contains(store.Audit("e-settle-dev"), a => a is { Action: "build-reanchor", Field: "file", OldValue: Day, NewValue: elsewhere });
        Assert.Equal("e-settle-dev", store.MovedTo("e-settle"));
    }

    [Fact]
    public void An_approved_entry_of_a_renamed_file_is_flagged_only_when_what_it_cites_says_something_else_there()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Approve("e-refund", "alice");
        const string elsewhere = "proddev/2018-03-05-chat (1).markdown";
        var renamed = CurationFixture.Renamed(CurationFixture.Build(), Day, elsewhere, id => id + "-1");

        var result = store.MergeBuild(Rewritten(renamed, elsewhere, 360, "用备付金垫资，当天从结算款扣回。"));

        Assert.Equal(2, result.Moved.Count);
        Assert.Equal(["e-refund-1"], result.ChangedSinceReview);
        Assert.False(store.Get("e-settle-1")!.ChangedSinceReview);
    }

    [Fact]
    public void The_exchanges_of_a_renamed_file_keep_the_topics_the_latest_build_gave_them()
    {
        store.Merge(CurationFixture.Build());
        var renamed = CurationFixture.Renamed(CurationFixture.Build(), Day, "devarch/2018-03-05-chat.markdown", id => id + "-dev");

        var previous = store.TopicsOfLatestBuild();

        Assert.Equal(
            [("x-settle-dev", "t-settle"), ("x-refund-dev", "t-settle"), ("x-license", "t-license")],
            renamed.Exchanges.Select(x => (x.Id, previous.LatestTopicOf(x))));
        // The same question at another time is another message.
        var later = renamed.Exchanges[0] with { Id = "x-later", Messages = [.. renamed.Exchanges[0].Messages.Select(m => m with { Message = m.Message with { Time = m.Message.Time.AddDays(1) } })] };
        Assert.Null(previous.LatestTopicOf(later));
    }

    [Fact]
    public void A_file_gone_beside_a_new_file_that_says_other_things_is_no_rename()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        var build = CurationFixture.Renamed(CurationFixture.Build(), Day, "devarch/2018-03-05-chat.markdown", id => id + "-dev");
        // The new file's settlement exchange asks and answers at other times: one message of the five old ones in common.
        build = build with
        {
            Exchanges = build.Exchanges.Select(x => x.Id == "x-settle-dev" ? x with { Messages = x.Messages.Select(m => m.Role == MessageRole.Context ? m : m with { Message = m.Message with { Time = m.Message.Time.AddHours(1) } }).ToList() } : x).ToList(),
        };
        build = build with { Exchanges = build.Exchanges.Where(x => x.Id != "x-refund-dev").ToList(), Entries = build.Entries.Where(e => e.Id != "e-refund-dev").ToList() };

        var result = store.MergeBuild(build);

        Assert.Empty(result.Moved);
        Assert.Equal(["e-refund", "e-settle"], result.Missing.Order(StringComparer.Ordinal));
        Assert.Equal(CurationStatus.Approved, store.Get("e-settle")!.Entry.Status);
    }

    [Fact]
    public void Merges_splits_and_exchange_moves_follow_questions_that_moved_to_other_lines()
    {
        store.Merge(CurationFixture.Build(withNewDay: true));
        store.MergeEntries("e-refund", "e-settle", "alice");
        var split = store.Split("e-settle", ["x-settle"], "alice");

        var result = store.MergeBuild(Shifted(CurationFixture.Build(withNewDay: true), Day, 4, id => id + "-16"));

        Assert.Equal(["e-refund", "e-settle"], result.Moved.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("e-settle-16", store.Get("e-refund-16")!.MergedInto);
        Assert.Equal(["x-refund-16", "x-settle-2"], store.Get("e-settle-16")!.Entry.ExchangeIds);
        Assert.Equal(["x-settle-16"], store.Get(split.Id)!.Entry.ExchangeIds);
        Assert.Equal([("e-settle-16", 2), (split.Id, 1), ("e-license", 1)], result.Document.Entries.Select(e => (e.Id, e.ExchangeIds.Count)));
    }

    [Fact]
    public void A_day_removed_and_brought_back_on_other_lines_gets_its_decisions_back()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-license", "alice");
        store.Merge(Without(CurationFixture.Build(), "license"));
        Assert.True(store.Get("e-license")!.ChangedSinceReview);

        var result = store.MergeBuild(Shifted(CurationFixture.Build(), "devarch/2018-04-26-chat.markdown", 2, id => id + "-14"));

        Assert.Equal("e-license-14", Assert.Single(result.Moved).Value);
        Assert.Empty(result.Added);
        var license = store.Get("e-license-14")!;
        Assert.Equal((CurationStatus.Approved, true, false), (license.Entry.Status, license.InLatestBuild, license.ChangedSinceReview));
    }

    [Fact]
    public void A_store_written_before_anchors_were_kept_still_finds_its_questions_on_other_lines()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        // As a store of before: no anchors, no content hashes, a reviewed hash of the places only.
        using var reopened = ReopenedAfter("""
            ALTER TABLE entries DROP COLUMN anchor; ALTER TABLE exchanges DROP COLUMN anchor; ALTER TABLE entries DROP COLUMN content_hash;
            UPDATE entries SET reviewed_hash = sources_hash WHERE status = 'approved';
            """);
        var result = reopened.MergeBuild(Shifted(CurationFixture.Build(), Day, 4, id => id + "-16"));

        Assert.Equal(["e-refund", "e-settle"], result.Moved.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(result.ChangedSinceReview);
        Assert.Equal((CurationStatus.Approved, false), (reopened.Get("e-settle-16")!.Entry.Status, reopened.Get("e-settle-16")!.ChangedSinceReview));
    }

    [Fact]
    public void A_question_said_twice_the_same_way_in_its_file_is_not_matched()
    {
        store.Merge(CurationFixture.Build());
        store.Reject("e-refund", "alice");
        var shifted = Shifted(CurationFixture.Build(), Day, 4, id => id + "-16");
        // The refund question again, the same second, by the same member, further down: which one moved is unknowable.
        var refund = shifted.Exchanges.Single(x => x.Id == "x-refund-16");
        var again = refund.Messages[0] with { Role = MessageRole.Context, Message = refund.Messages[0].Message with { Source = new SourceRef(Day, 999) } };
        shifted = shifted with { Exchanges = shifted.Exchanges.Select(x => x.Id == refund.Id ? x with { Messages = [.. x.Messages, again] } : x).ToList() };

        var result = store.MergeBuild(shifted);

        Assert.Equal(["e-settle"], result.Moved.Keys);
        Assert.Equal(["e-refund"], result.Missing);
        Assert.Equal(["e-refund-16"], result.Added);
        Assert.Equal(CurationStatus.Rejected, store.Get("e-refund")!.Entry.Status);
    }

    [Fact]
    public void Questions_that_took_each_other_s_lines_swap_ids_with_their_decisions()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Reject("e-refund", "bob");
        var swap = new Dictionary<string, string> { ["e-settle"] = "e-refund", ["e-refund"] = "e-settle", ["x-settle"] = "x-refund", ["x-refund"] = "x-settle" };
        var seen = store.Get("e-settle")!.Version;

        var result = store.MergeBuild(Shifted(CurationFixture.Build(), Day, 4, id => swap[id]));

        Assert.Equal(2, result.Moved.Count);
        Assert.Equal((CurationStatus.Approved, "二清的T+1结算怎么做轧差？"), (store.Get("e-refund")!.Entry.Status, store.Get("e-refund")!.Entry.Question));
        Assert.Equal((CurationStatus.Rejected, "退款垫资怎么处理？"), (store.Get("e-settle")!.Entry.Status, store.Get("e-settle")!.Entry.Question));
        Assert.False(store.Get("e-refund")!.ChangedSinceReview);
        // A page still open on the settlement question saves to its old id, which names the refund question now: the
        // save is refused and says where the settlement question went.
        var stale = Assert.Throws<CurationConflictException>(() => store.Reject("e-settle", "carol", seen));
        Assert.Equal("e-refund", stale.MovedTo);
        Assert.StartsWith("entry e-settle is another question now: a build moved the entry you loaded to e-refund (its question is on another line or in another file now).", stale.Message, StringComparison.Ordinal);
        // A page that loaded the refund question under its new id and went stale is told only that it changed.
        var loaded = store.Get("e-settle")!.Version;
        store.AddNote("e-settle", "seen", "bob");
        var changed = Assert.Throws<CurationConflictException>(() => store.Approve("e-settle", "carol", loaded));
        Assert.Null(changed.MovedTo);
        Assert.StartsWith("entry e-settle was changed by bob", changed.Message, StringComparison.Ordinal);
        Assert.Equal(CurationStatus.Rejected, store.Get("e-settle")!.Entry.Status);
    }

    [Fact]
    public void An_entry_whose_id_a_moved_question_takes_keeps_its_decisions_under_another_id()
    {
        SettleApprovedWithANoteAndRefundRejected();
        // The settlement question is gone and the refund question is now on its line: it takes its id.
        var seen = store.Get("e-settle")!.Version;

        var result = store.MergeBuild(RefundOnTheSettlementLine());

        Assert.Equal("e-settle", result.Moved["e-refund"]);
        Assert.Equal(["e-settle-displaced"], result.Missing);
        var refund = store.Get("e-settle")!;
        Assert.Equal((CurationStatus.Rejected, "退款垫资怎么处理？"), (refund.Entry.Status, refund.Entry.Question));
        var stale = Assert.Throws<CurationConflictException>(() => store.Reset("e-settle", "carol", seen));
        Assert.Equal("e-settle-displaced", stale.MovedTo);
        Assert.Contains("moved the entry you loaded to e-settle-displaced (its question is not on its line any more)", stale.Message, StringComparison.Ordinal);
        var displaced = store.Get("e-settle-displaced")!;
        Assert.Equal((CurationStatus.Approved, false, true, "keep"), (displaced.Entry.Status, displaced.InLatestBuild, displaced.ChangedSinceReview, displaced.Notes.Single().Text));
        Assert.Contains(store.Audit("e-settle-displaced"), a => a is { Action: "build-displaced", OldValue: "e-settle", NewValue: "e-settle-displaced" });
    }

    [Fact]
    public void Another_question_on_a_curated_entry_s_line_is_a_new_candidate_and_the_curated_entry_keeps_its_decisions()
    {
        SettleApprovedWithANoteAndRefundRejected();
        store.MergeEntries("e-license", "e-settle", "alice");
        var seen = store.Get("e-settle")!.Version;
        // A re-export with another member's question, asked at another time, on the settlement question's line.
        var other = OnTheSettlementLine(CurationFixture.Build(), "2018-03-05T11:30:00", "钱九", "备付金怎么对账？");

        var result = store.MergeBuild(other);

        Assert.Equal(["e-settle"], result.Added);
        Assert.Equal(["e-settle-displaced"], result.Missing);
        Assert.Empty(result.Moved);
        var asked = store.Get("e-settle")!;
        Assert.Equal((CurationStatus.Candidate, "备付金怎么对账？", 0), (asked.Entry.Status, asked.Entry.Question, asked.Notes.Count));
        Assert.Equal(["x-settle"], asked.Entry.ExchangeIds);
        var displaced = store.Get("e-settle-displaced")!;
        Assert.Equal((CurationStatus.Approved, false, "keep"), (displaced.Entry.Status, displaced.InLatestBuild, displaced.Notes.Single().Text));
        Assert.Equal("二清的T+1结算怎么做轧差？", displaced.Entry.Question);
        // The licence entry the analyst merged into the settlement question stays merged into it, and holds its exchange
        // again while that one is gone.
        Assert.Equal("e-settle-displaced", store.Get("e-license")!.MergedInto);
        Assert.Equal(["x-license"], result.Document.Entries.Single(e => e.Id == "e-license").ExchangeIds);
        var stale = Assert.Throws<CurationConflictException>(() => store.Reject("e-settle", "carol", seen));
        Assert.Equal("e-settle-displaced", stale.MovedTo);

        // The settlement question back on its line takes its id and decisions back.
        var back = store.MergeBuild(CurationFixture.Build());

        Assert.Equal("e-settle", back.Moved["e-settle-displaced"]);
        Assert.Equal((CurationStatus.Approved, "keep"), (store.Get("e-settle")!.Entry.Status, store.Get("e-settle")!.Notes.Single().Text));
        Assert.Equal("e-settle", store.Get("e-license")!.MergedInto);
    }

    [Fact]
    public void A_question_reworded_in_place_by_its_asker_keeps_its_entry_s_id_and_decisions()
    {
        SettleApprovedWithANoteAndRefundRejected();

        // The same member at the same time, the text corrected: the same message, so the same entry, flagged for review.
        var result = store.MergeBuild(OnTheSettlementLine(CurationFixture.Build(), "2018-03-05T10:00:00", "张三-某支付-产品-上海", "二清的T+1结算怎么轧差？"));

        Assert.Empty(result.Added);
        Assert.Empty(result.Missing);
        Assert.Equal(["e-settle"], result.ChangedSinceReview);
        Assert.Equal((CurationStatus.Approved, "keep"), (store.Get("e-settle")!.Entry.Status, store.Get("e-settle")!.Notes.Single().Text));
    }

    [Fact]
    public void An_entry_led_by_an_earlier_copy_of_a_curated_question_takes_its_decisions_and_gives_them_back()
    {
        SettleApprovedWithANoteAndRefundRejected();
        var withEarlierDay = WithAnEarlierDayAskingTheSettlementQuestion(CurationFixture.Build());

        var result = store.MergeBuild(withEarlierDay);

        Assert.Equal("e-early", result.Moved["e-settle"]);
        Assert.Empty(result.Added);
        Assert.Empty(result.Missing);
        var early = store.Get("e-early")!;
        Assert.Equal((CurationStatus.Approved, "keep"), (early.Entry.Status, early.Notes.Single().Text));
        Assert.Equal(["x-early", "x-settle"], early.Entry.ExchangeIds);
        // It cites more than the analyst approved: flagged for another look.
        Assert.Equal(["e-early"], result.ChangedSinceReview);
        Assert.Contains(store.Audit("e-early"), a => a is { Action: "build-reanchor", Field: "id", OldValue: "e-settle", NewValue: "e-early" });

        // The earlier day held back again: the settlement question leads its entry again, which takes the decisions back.
        var back = store.MergeBuild(CurationFixture.Build());

        Assert.Equal("e-settle", back.Moved["e-early"]);
        Assert.Empty(back.Added);
        var settle = store.Get("e-settle")!;
        Assert.Equal((CurationStatus.Approved, false, "keep"), (settle.Entry.Status, settle.ChangedSinceReview, settle.Notes.Single().Text));
    }

    [Fact]
    public void Two_curated_entries_whose_questions_a_new_entry_joins_keep_their_own_ids()
    {
        SettleApprovedWithANoteAndRefundRejected();
        var build = WithAnEarlierDayAskingTheSettlementQuestion(CurationFixture.Build());
        // The new entry holds the refund question too: which curated entry it continues is unknowable.
        build = build with
        {
            Entries = build.Entries.Where(e => e.Id != "e-refund").Select(e => e.Id == "e-early" ? e with { ExchangeIds = [.. e.ExchangeIds, "x-refund"] } : e).ToList(),
        };

        var result = store.MergeBuild(build);

        Assert.Empty(result.Moved);
        Assert.Equal(["e-early"], result.Added);
        Assert.Equal(["e-refund", "e-settle"], result.Missing.Order(StringComparer.Ordinal));
        Assert.Equal(CurationStatus.Approved, store.Get("e-settle")!.Entry.Status);
    }

    [Fact]
    public void A_displaced_entry_whose_question_comes_back_on_its_line_gets_its_id_and_decisions_back()
    {
        SettleApprovedWithANoteAndRefundRejected();
        store.MergeEntries("e-license", "e-settle", "alice");
        store.Merge(RefundOnTheSettlementLine());
        Assert.Equal(CurationStatus.Approved, store.Get("e-settle-displaced")!.Entry.Status);

        // The input as it was: the settlement question is back on its line, the refund question on its own.
        var result = store.MergeBuild(CurationFixture.Build());

        Assert.Equal("e-settle", result.Moved["e-settle-displaced"]);
        Assert.Equal("e-refund", result.Moved["e-settle"]);
        Assert.Empty(result.Added);
        Assert.Null(store.Get("e-settle-displaced"));
        var settle = store.Get("e-settle")!;
        Assert.Equal((CurationStatus.Approved, true, false, "keep"), (settle.Entry.Status, settle.InLatestBuild, settle.ChangedSinceReview, settle.Notes.Single().Text));
        Assert.Equal("e-settle", store.Get("e-license")!.MergedInto);
        Assert.Equal((CurationStatus.Rejected, "退款垫资怎么处理？"), (store.Get("e-refund")!.Entry.Status, store.Get("e-refund")!.Entry.Question));
        Assert.Empty(result.ChangedSinceReview);
    }

    [Fact]
    public void An_entry_merged_into_one_that_goes_missing_holds_its_exchanges_again_until_that_one_is_back()
    {
        store.Merge(CurationFixture.Build());
        store.MergeEntries("e-license", "e-settle", "alice");
        var build = CurationFixture.Build();
        // The day of e-settle (and e-refund) is no longer in the input.
        var withoutDay = build with { Exchanges = build.Exchanges.Where(x => x.Path != Day).ToList(), Entries = build.Entries.Where(e => e.Id == "e-license").ToList() };

        var result = store.MergeBuild(withoutDay);

        Assert.Equal(["e-refund", "e-settle"], result.Missing);
        Assert.Equal([("e-license", "x-license")], result.Document.Entries.SelectMany(e => e.ExchangeIds.Select(x => (e.Id, x))));
        Assert.Contains(store.Audit("e-license"), a => a is { Actor: "build", Action: "build-fallback", OldValue: "e-settle", NewValue: "x-license" });
        Assert.Equal(["e-license"], Ids(new EntryQuery()));

        var back = store.MergeBuild(build);

        Assert.Equal(["e-settle", "e-refund"], back.Document.Entries.Select(e => e.Id));
        Assert.Equal(["x-settle", "x-license"], back.Document.Entries[0].ExchangeIds);
        Assert.Equal("e-settle", store.Get("e-license")!.MergedInto);
    }

    [Fact]
    public void An_exchange_moved_to_an_entry_that_goes_missing_goes_back_to_the_entry_the_build_made_of_it()
    {
        store.Merge(CurationFixture.Build(withNewDay: true));
        var split = store.Split("e-settle", ["x-settle-2"], "alice");
        store.MergeEntries(split.Id, "e-license", "alice");
        var build = CurationFixture.Build(withNewDay: true);
        var withoutLicense = Without(build, "license");

        var result = store.MergeBuild(withoutLicense);

        var exchanges = result.Document.Entries.SelectMany(e => e.ExchangeIds).ToList();
        Assert.Equal(withoutLicense.Exchanges.Select(x => x.Id).Order(StringComparer.Ordinal), exchanges.Order(StringComparer.Ordinal));
        Assert.Equal(["x-settle", "x-settle-2"], result.Document.Entries.Single(e => e.Id == "e-settle").ExchangeIds);
        Assert.Contains(store.Audit("e-settle"), a => a is { Action: "build-fallback", OldValue: "e-license", NewValue: "x-settle-2" });

        store.Merge(build);

        Assert.Equal(["x-license", "x-settle-2"], store.Get("e-license")!.Entry.ExchangeIds);
        Assert.Equal(["x-settle"], store.Get("e-settle")!.Entry.ExchangeIds);
    }

    [Fact]
    public void An_import_of_another_corpus_is_mostly_missing_and_loses_no_decision()
    {
        Assert.False(store.MergeBuild(CurationFixture.Build()).MostlyMissing);
        store.Approve("e-settle", "alice");
        store.Reject("e-license", "bob");
        var smaller = CurationFixture.Build();
        Assert.False(store.MergeBuild(smaller with { Entries = smaller.Entries.Where(e => e.Id != "e-license").ToList() }).MostlyMissing);
        store.Merge(CurationFixture.Build());
        var other = CurationFixture.Build();
        // Another group's day, asking its own question.
        other = other with
        {
            Exchanges = other.Exchanges.Select(x => x with { Messages = x.Messages.Select(m => m with { Message = m.Message with { Source = m.Message.Source with { Path = "other/" + m.Message.Source.Path } } }).ToList() }).ToList(),
            Entries = [other.Entries[0] with { Id = "e-other" }],
        };

        var result = store.MergeBuild(other);

        Assert.True(result.MostlyMissing);
        Assert.Equal((3, 3), (result.Missing.Count, result.PresentBefore));
        store.Merge(CurationFixture.Build());
        Assert.Equal(CurationStatus.Approved, store.Get("e-settle")!.Entry.Status);
        Assert.Equal(CurationStatus.Rejected, store.Get("e-license")!.Entry.Status);
        Assert.Empty(store.List(new EntryQuery(ChangedSinceReview: true)));
    }

    [Fact]
    public void A_build_change_bumps_the_version_so_a_reviewer_on_the_old_version_gets_a_conflict()
    {
        store.Merge(CurationFixture.Build());
        var seen = store.Get("e-settle")!.Version;

        store.Merge(CurationFixture.Build(withNewDay: true));

        Assert.Throws<CurationConflictException>(() => store.Approve("e-settle", "alice", seen));
    }

    [Fact]
    public void List_filters_by_topic_status_group_dates_expert_and_text_and_sorts_by_confidence()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-license", "alice");

        Assert.Equal(["e-settle", "e-license", "e-refund"], Ids(new EntryQuery()));
        Assert.Equal(["e-settle", "e-refund"], Ids(new EntryQuery(TopicId: "t-settle")));
        Assert.Equal(["e-license"], Ids(new EntryQuery(Status: "approved")));
        Assert.Equal(["e-license"], Ids(new EntryQuery(Group: "devarch")));
        Assert.Equal(["e-license"], Ids(new EntryQuery(From: new DateOnly(2018, 4, 1))));
        Assert.Equal(["e-settle", "e-refund"], Ids(new EntryQuery(To: new DateOnly(2018, 3, 31))));
        Assert.Equal(["e-settle", "e-refund"], Ids(new EntryQuery(Expert: "李四")));
        Assert.Equal(["e-refund"], Ids(new EntryQuery(Text: "备付金")));
        Assert.Equal(["e-settle"], Ids(new EntryQuery(Text: "轧差")));
        Assert.Equal(["e-refund"], Ids(new EntryQuery(Text: "垫资 扣回")));
        Assert.Empty(Ids(new EntryQuery(Text: "\"")));
    }

    [Fact]
    public void List_pages_through_the_entries_a_count_of_the_same_filters_totals()
    {
        store.Merge(CurationFixture.Build());

        Assert.Equal(["e-settle", "e-license"], Ids(new EntryQuery(Limit: 2)));
        Assert.Equal(["e-license", "e-refund"], Ids(new EntryQuery(Limit: 2, Offset: 1)));
        Assert.Empty(Ids(new EntryQuery(Offset: 3)));
        Assert.Equal(3, store.Count(new EntryQuery(Limit: 1, Offset: 2)));
        Assert.Equal(2, store.Count(new EntryQuery(TopicId: "t-settle")));
        Assert.Equal(1, store.Count(new EntryQuery(Text: "垫资 扣回")));
        Assert.Equal(0, store.Count(new EntryQuery(Text: "\"")));
        Assert.Throws<CurationException>(() => store.Count(new EntryQuery(Status: "bogus")));
    }

    [Fact]
    public void List_refuses_an_unknown_status_and_names_the_known_ones()
    {
        store.Merge(CurationFixture.Build());

        var refused = Assert.Throws<CurationException>(() => store.List(new EntryQuery(Status: "bogus")));

        Assert.Equal("unknown status 'bogus': use candidate, approved or rejected", refused.Message);
    }

    [Fact]
    public void A_file_in_a_nested_folder_belongs_to_the_group_of_its_first_folder()
    {
        static string Nest(string path) => path.Replace("devarch/", "devarch/2018/04/", StringComparison.Ordinal);
        var build = CurationFixture.Build();
        build = build with
        {
            Exchanges = build.Exchanges.Select(e => e with
            {
                Path = Nest(e.Path),
                Messages = e.Messages.Select(m => m with { Message = m.Message with { Source = m.Message.Source with { Path = Nest(m.Message.Source.Path) } } }).ToList(),
            }).ToList(),
            Entries = build.Entries.Select(e => e with { Sources = e.Sources.Select(s => s with { Path = Nest(s.Path) }).ToList() }).ToList(),
        };

        store.Merge(build);

        Assert.Equal(["devarch", "proddev"], store.Groups());
        Assert.Equal(["e-license"], Ids(new EntryQuery(Group: "devarch")));
    }

    [Fact]
    public void Search_finds_edited_text_and_forgets_the_old_text()
    {
        store.Merge(CurationFixture.Build());

        store.Edit("e-license", new EntryEdit(Answer: "通常需要六个月"), "alice");

        Assert.Equal(["e-license"], Ids(new EntryQuery(Text: "六个月")));
        Assert.Empty(Ids(new EntryQuery(Text: "半年")));
    }

    [Fact]
    public void A_build_that_rewords_an_answer_reindexes_it_and_one_that_moves_its_topic_keeps_it_findable()
    {
        var build = CurationFixture.Build();
        store.Merge(build);

        FaqEntry Reworded(FaqEntry e) => e.Id == "e-license" ? e with { Answer = "周八：通常需要六个月。" } : e;
        store.Merge(build with { Entries = build.Entries.Select(Reworded).ToList() });

        Assert.Equal(["e-license"], Ids(new EntryQuery(Text: "六个月")));
        Assert.Empty(Ids(new EntryQuery(Text: "半年")));

        FaqEntry Moved(FaqEntry e) => e.Id == "e-license" ? Reworded(e) with { TopicId = "t-settle" } : e;
        store.Merge(build with { Entries = build.Entries.Select(Moved).ToList() });

        Assert.Equal(["e-license"], Ids(new EntryQuery(Text: "六个月")));
        Assert.Equal(["e-license"], Ids(new EntryQuery(TopicId: "t-settle", Text: "六个月")));
    }

    [Fact]
    public void Conversation_shows_the_messages_around_the_cited_ones_with_their_roles()
    {
        store.Merge(CurationFixture.Build());

        var lines = store.Conversation("e-settle", around: 1);

        Assert.Equal(
            [(49, "question"), (53, "answer"), (57, "context"), (353, string.Empty)],
            lines.Select(l => (l.Line, l.Role)));
        Assert.Equal(CurationFixture.Hostile, lines[2].Text);
    }

    [Fact]
    public void Export_approved_has_only_approved_entries_and_the_exchanges_and_topics_they_use()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-license", "alice");
        store.Edit("e-license", new EntryEdit(Answer: "半年左右。"), "alice");
        store.Reject("e-settle", "alice");

        var export = store.ExportApproved();

        var entry = Assert.Single(export.Entries);
        Assert.Equal(("e-license", CurationStatus.Approved, "半年左右。"), (entry.Id, entry.Status, entry.Answer));
        Assert.Equal(["x-license"], export.Exchanges.Select(x => x.Id));
        Assert.Equal(["t-license"], export.Topics.Select(t => t.Id));
        Assert.Equal(2, export.Exchanges[0].Messages.Count);
        Assert.Equal("支付牌照<b>续展</b>要多久？", export.Exchanges[0].Messages[0].Message.Body);
        Assert.Equal(new InputSummary("corpus", 2, 7, 0), export.Input);
    }

    [Fact]
    public void Decisions_survive_reopening_the_file()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.Dispose();

        using var reopened = CurationStore.Open(store.DatabasePath);

        Assert.Equal(CurationStatus.Approved, reopened.Get("e-settle")!.Entry.Status);
    }

    [Fact]
    public void A_build_read_back_from_faq_json_changes_nothing_and_new_keywords_do_not_make_saves_stale()
    {
        store.Merge(CurationFixture.Build());
        var rounded = CurationFixture.Build();
        rounded = rounded with { Entries = rounded.Entries.Select(e => e with { Confidence = e.Confidence + 1e-6 }).ToList() };

        Assert.Empty(store.MergeBuild(rounded).Changed);

        var rekeyed = CurationFixture.Build();
        rekeyed = rekeyed with { Entries = rekeyed.Entries.Select(e => e with { Keywords = ["新词"] }).ToList() };
        Assert.Equal(3, store.MergeBuild(rekeyed).Changed.Count);
        Assert.Equal(["新词"], store.Approve("e-settle", "alice", expectedVersion: 1).Entry.Keywords);
    }

    [Fact]
    public void A_curated_document_merged_into_a_fresh_store_keeps_its_statuses()
    {
        var curated = CurationFixture.Build();
        curated = curated with { Entries = curated.Entries.Select(e => e.Id == "e-license" ? e with { Status = "approved" } : e).ToList() };

        store.Merge(curated);

        Assert.Equal(CurationStatus.Approved, store.Get("e-license")!.Entry.Status);
        Assert.Equal(("import-status", "approved"), store.Audit("e-license").Select(a => (a.Action, a.NewValue)).First());
        store.Merge(CurationFixture.Build());
        Assert.False(store.Get("e-license")!.ChangedSinceReview);
        Assert.Equal(CurationStatus.Approved, store.Get("e-license")!.Entry.Status);
    }

    [Fact]
    public void A_fresh_store_seeded_from_a_curated_document_keeps_its_decided_texts_as_edits_when_a_build_words_them_otherwise()
    {
        // A faq.json curated elsewhere: e-settle approved with its question reworded, e-refund rejected with its answer
        // reworded, e-license reworded but left a candidate.
        FaqEntry Curated(FaqEntry e) => e.Id switch
        {
            "e-settle" => e with { Status = CurationStatus.Approved, Question = "T+1结算如何轧差？" },
            "e-refund" => e with { Status = CurationStatus.Rejected, Answer = "不适用。" },
            _ => e with { Question = "牌照续展周期？" },
        };
        var curated = CurationFixture.Build();
        store.Merge(curated with { Entries = curated.Entries.Select(Curated).ToList() });

        store.Merge(CurationFixture.Build());

        var settle = store.Get("e-settle")!;
        Assert.Equal(("T+1结算如何轧差？", "二清的T+1结算怎么做轧差？", true, false), (settle.Entry.Question, settle.BuiltQuestion, settle.Edited, settle.ChangedSinceReview));
        Assert.Contains(store.Audit("e-settle"), a => a is { Action: "import-text", Field: "question", OldValue: "二清的T+1结算怎么做轧差？", NewValue: "T+1结算如何轧差？" });
        Assert.Equal(("不适用。", CurationStatus.Rejected), (store.Get("e-refund")!.Entry.Answer, store.Get("e-refund")!.Entry.Status));
        var license = store.Get("e-license")!;
        Assert.Equal(("支付牌照<b>续展</b>要多久？", false), (license.Entry.Question, license.Edited));
        Assert.Equal(["e-settle"], Ids(new EntryQuery(Text: "如何")));

        // Seeded once: a later build that rewords the built text leaves the analyst's edit alone and makes no new one.
        store.Merge(Rewritten(CurationFixture.Build(), Day, 53, "日终轧差。") with
        {
            Entries = [.. CurationFixture.Build().Entries.Select(e => e.Id == "e-refund" ? e with { Answer = "李四：垫资。" } : e)],
        });
        Assert.Equal("T+1结算如何轧差？", store.Get("e-settle")!.Entry.Question);
        Assert.Equal("不适用。", store.Get("e-refund")!.Entry.Answer);
        Assert.Single(store.Audit("e-refund"), a => a.Action == "import-text");
    }

    [Fact]
    public void A_curated_document_merged_into_a_store_with_those_entries_brings_its_decisions_where_the_store_has_candidates()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-refund", "alice");
        var curated = CurationFixture.Build();
        var decided = new Dictionary<string, string> { ["e-settle"] = "rejected", ["e-refund"] = "rejected", ["e-license"] = "approved" };
        curated = curated with { Entries = curated.Entries.Select(e => e with { Status = decided[e.Id] }).ToList() };

        var result = store.MergeBuild(curated);

        Assert.Equal(["e-settle", "e-license"], result.ImportedDecisions);
        Assert.Equal(["e-refund"], result.KeptDecisions);
        Assert.Equal(
            ("rejected", "approved", "approved"),
            (store.Get("e-settle")!.Entry.Status, store.Get("e-refund")!.Entry.Status, store.Get("e-license")!.Entry.Status));
        Assert.Equal(["rejected", "approved", "approved"], result.Document.Entries.Select(e => e.Status));
        Assert.Equal(("build", "import-status", "candidate", "approved", 2), store.Audit("e-license").Select(a => (a.Actor, a.Action, a.OldValue, a.NewValue, a.Version)).First());
        Assert.Equal(("alice", "approve"), store.Audit("e-refund").Select(a => (a.Actor, a.Action)).First());

        var again = store.MergeBuild(curated);
        Assert.Equal((0, 1), (again.ImportedDecisions.Count, again.KeptDecisions.Count));
        Assert.Empty(store.MergeBuild(CurationFixture.Build()).ImportedDecisions);
    }

    [Fact]
    public void Search_with_jieba_tokens_finds_domain_words()
    {
        using var jieba = new CurationStore(CurationStoreOptions.WithSegmenter(Path.Combine(directory, "jieba.db"), ChineseSegmenter.Load()));
        jieba.Merge(CurationFixture.Build());

        Assert.Equal(["e-refund"], jieba.List(new EntryQuery(Text: "备付金")).Select(e => e.Id));
        Assert.Equal(["e-settle"], jieba.List(new EntryQuery(Text: "对账单")).Select(e => e.Id));
        Assert.Equal(["e-license"], jieba.List(new EntryQuery(Text: "牌照续展")).Select(e => e.Id));
    }

    [Fact]
    public void Reopening_with_another_tokenizer_rebuilds_the_search_index()
    {
        store.Merge(CurationFixture.Build());
        Assert.Empty(Ids(new EntryQuery(Text: "zzz")));

        using var other = new CurationStore(new CurationStoreOptions(store.DatabasePath) { Tokenize = _ => ["zzz"], TokenizerName = "constant" });

        Assert.Equal(3, other.List(new EntryQuery(Text: "anything")).Count);
    }

    // Keywords the fixture does not share between entries, so a test can tell whose keywords an entry has.
    private static KnowledgeBaseDocument WithOwnKeywords(KnowledgeBaseDocument build) => build with
    {
        Entries = build.Entries.Select(e => e with { Keywords = e.Id == "e-refund" ? ["垫资"] : ["结算"] }).ToList(),
    };

    private List<string> Ids(EntryQuery query) => store.List(query).Select(e => e.Id).ToList();

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    // The store closed, changed by sql into what an older version of it wrote, and opened again.
    private CurationStore ReopenedAfter(string sql)
    {
        store.Dispose();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + store.DatabasePath + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        return new CurationStore(new CurationStoreOptions(store.DatabasePath));
    }

    // The build with a day before the fixture's asking the settlement question the same way, which the build joins with
    // the fixture's settlement question into an entry led by it, "e-early".
    private static KnowledgeBaseDocument WithAnEarlierDayAskingTheSettlementQuestion(KnowledgeBaseDocument build)
    {
        var settle = build.Exchanges.Single(x => x.Id == "x-settle");
        var ask = settle.Messages[0].Message;
        var earlyAsk = ask with { Source = new SourceRef("proddev/2018-03-01-chat.markdown", 30), Time = ask.Time.AddDays(-4) };
        var early = new Exchange("x-early", earlyAsk.Source.Path, [settle.Messages[0] with { Message = earlyAsk }], 0.5, settle.TopicId);
        var entry = build.Entries.Single(e => e.Id == "e-settle");
        return build with
        {
            Exchanges = [early, .. build.Exchanges],
            Entries = [entry with { Id = "e-early", ExchangeIds = ["x-early", .. entry.ExchangeIds], Sources = [earlyAsk.Source, .. entry.Sources] }, .. build.Entries.Where(e => e.Id != "e-settle")],
        };
    }

    // The refund exchange merged into e-settle and split off it again, its new entry approved: the split entry's id.
    private string ApprovedSplitOfRefund()
    {
        store.Merge(CurationFixture.Build());
        store.MergeEntries("e-refund", "e-settle", "alice");
        var split = store.Split("e-settle", ["x-refund"], "alice").Entry.Id;
        store.Approve(split, "alice");
        return split;
    }

    // The fixture's build merged, e-settle approved with a note "keep", e-refund rejected.
    private void SettleApprovedWithANoteAndRefundRejected()
    {
        store.Merge(CurationFixture.Build());
        store.Approve("e-settle", "alice");
        store.AddNote("e-settle", "keep", "alice");
        store.Reject("e-refund", "bob");
    }

    // The build with the settlement question's line saying body, by speaker at time, and its entry asking that.
    private static KnowledgeBaseDocument OnTheSettlementLine(KnowledgeBaseDocument build, string time, string speaker, string body)
    {
        var ask = build.Exchanges.Single(x => x.Id == "x-settle").Messages[0].Message;
        var now = ask with { Time = DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), Speaker = new Speaker(speaker, speaker.Split('-')[0]), Body = body };
        return build with
        {
            Exchanges = build.Exchanges.Select(x => x with { Messages = x.Messages.Select(m => m.Message == ask ? m with { Message = now } : m).ToList() }).ToList(),
            Entries = build.Entries.Select(e => e.Id == "e-settle" ? e with { Question = body } : e).ToList(),
        };
    }

    // The build with the message at path:line saying body instead.
    private static KnowledgeBaseDocument Rewritten(KnowledgeBaseDocument build, string path, int line, string body) =>
        build with
        {
            Exchanges = build.Exchanges
                .Select(x => x with
                {
                    Messages = x.Messages.Select(m => m.Message.Source == new SourceRef(path, line) ? m with { Message = m.Message with { Body = body } } : m).ToList(),
                })
                .ToList(),
        };
}
