using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;

namespace KnowledgeBase.Core.Tests.Curation;

/// <summary><see cref="CurationStore.ApplyDecisions"/>: a faq.json of a build as the analysts have left it since.</summary>
public sealed class CurationStoreDecisionsTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kb-decisions-" + Guid.NewGuid().ToString("N"));
    private readonly CurationStore store;

    public CurationStoreDecisionsTests() => store = new CurationStore(new CurationStoreOptions(Path.Combine(directory, "kb.db")));

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Import_of_decisions_takes_statuses_only_and_leaves_texts_and_presence_alone()
    {
        var faq = store.MergeBuild(CurationFixture.Build()).Document;
        store.Approve("e-refund", "alice");
        var elsewhere = faq with
        {
            Entries =
            [
                faq.Entries[0] with { Status = CurationStatus.Approved, Question = "成员-7F3A：改过的问题" },
                faq.Entries[1] with { Status = CurationStatus.Rejected },
                faq.Entries[2] with { Id = "e-unknown", Status = CurationStatus.Rejected },
            ],
        };

        var result = store.ImportDecisions(elsewhere);

        Assert.Equal(["e-settle"], result.Imported);
        Assert.Equal(["e-refund"], result.Kept);
        Assert.Equal(["e-unknown"], result.Unknown);
        var settle = store.Get("e-settle")!;
        Assert.Equal((CurationStatus.Approved, faq.Entries[0].Question, false, true), (settle.Entry.Status, settle.Entry.Question, settle.Edited, settle.InLatestBuild));
        Assert.True(store.Get("e-license")!.InLatestBuild);
        Assert.Null(store.Get("e-unknown"));
        Assert.Empty(store.MergeBuild(CurationFixture.Build()).ChangedSinceReview);
    }

    [Fact]
    public void A_faq_json_fresh_from_its_build_differs_in_nothing()
    {
        var faq = store.MergeBuild(CurationFixture.Build()).Document;

        var applied = store.ApplyDecisions(faq);

        Assert.Empty(applied.Differing);
        Assert.Equal(faq.Entries.Select(Shown), applied.Document.Entries.Select(Shown));
    }

    [Fact]
    public void Statuses_edits_merges_and_splits_made_after_the_build_are_applied_and_counted()
    {
        var faq = store.MergeBuild(CurationFixture.Build()).Document;
        store.Reject("e-license", "alice");
        store.Edit("e-settle", new EntryEdit(Answer: "电话 13812345678"), "alice");
        store.MergeEntries("e-refund", "e-settle", "alice");
        var split = store.Split("e-settle", ["x-refund"], "alice");

        var applied = store.ApplyDecisions(faq);

        Assert.Equal(["e-settle", split.Entry.Id, "e-license"], applied.Document.Entries.Select(e => e.Id));
        Assert.Equal(["e-settle", split.Entry.Id, "e-refund", "e-license"], applied.Differing);
        Assert.Equal(CurationStatus.Rejected, applied.Document.Entries[2].Status);
        Assert.Equal("电话 13812345678", applied.Document.Entries[0].Answer);
    }

    [Fact]
    public void An_edit_the_faq_json_already_has_masked_is_no_difference()
    {
        store.MergeBuild(CurationFixture.Build());
        store.Edit("e-settle", new EntryEdit(Answer: "电话 13812345678"), "alice");
        var faq = store.MergeBuild(CurationFixture.Build()).Document;
        faq = faq with { Entries = [faq.Entries[0] with { Answer = "电话 [手机号]" }, .. faq.Entries.Skip(1)] };

        Assert.Empty(store.ApplyDecisions(faq).Differing);
    }

    [Fact]
    public void A_faq_json_of_another_build_is_mostly_unknown_to_the_store_and_exported_as_it_is()
    {
        var faq = store.MergeBuild(CurationFixture.Build()).Document;
        store.Reject("e-settle", "alice");
        var other = faq with { Entries = [faq.Entries[0], .. faq.Entries.Skip(1).Select(e => e with { Id = e.Id + "-other" })] };

        var applied = store.ApplyDecisions(other);

        Assert.Equal(["e-refund-other", "e-license-other"], applied.Unknown);
        Assert.True(applied.MostlyUnknown);
        Assert.Equal([CurationStatus.Rejected, CurationStatus.Candidate, CurationStatus.Candidate], applied.Document.Entries.Select(e => e.Status));
        Assert.False(store.ApplyDecisions(faq).MostlyUnknown);
        Assert.Empty(store.ApplyDecisions(faq).Unknown);
    }

    [Fact]
    public void Decisions_follow_questions_a_later_build_moved_to_other_lines()
    {
        var faq = store.MergeBuild(CurationFixture.Build()).Document;
        store.Approve("e-settle", "alice");
        // A build elsewhere, into this store, of the input with four lines added above the day's questions.
        store.MergeBuild(CurationFixture.Shifted(CurationFixture.Build(), CurationFixture.Day, 4, id => id + "-16"));
        store.Reject("e-refund-16", "bob");

        var applied = store.ApplyDecisions(faq);

        Assert.Equal(["e-settle", "e-refund", "e-license"], applied.Document.Entries.Select(e => e.Id));
        Assert.Equal([CurationStatus.Approved, CurationStatus.Rejected, CurationStatus.Candidate], applied.Document.Entries.Select(e => e.Status));
        Assert.Empty(applied.Unknown);
        Assert.Equal(["e-settle", "e-refund"], applied.Differing);
    }

    [Fact]
    public void An_id_that_names_another_question_now_gives_it_none_of_that_question_s_decisions()
    {
        var faq = store.MergeBuild(CurationFixture.Build()).Document;
        store.Approve("e-settle", "alice");
        store.Reject("e-refund", "bob");
        // A later build: the settlement question gone, the refund question on its line and so with its id.
        store.MergeBuild(CurationFixture.RefundOnTheSettlementLine());

        var applied = store.ApplyDecisions(faq);

        Assert.Equal([CurationStatus.Approved, CurationStatus.Rejected, CurationStatus.Candidate], applied.Document.Entries.Select(e => e.Status));
        Assert.Equal(faq.Entries.Select(e => (e.Id, e.Question)), applied.Document.Entries.Select(e => (e.Id, e.Question)));
    }

    private static (string, string, string, string, string, string) Shown(FaqEntry e) =>
        (e.Id, e.Status, e.TopicId, e.Question, e.Answer, string.Join(',', e.ExchangeIds));
}
