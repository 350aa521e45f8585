using KnowledgeBase.Core.Evaluation;

namespace KnowledgeBase.Core.Tests.Evaluation;

public sealed class MergedExportCanonicalizerTests
{
    [Fact]
    public void ReadMessages_lists_messages_as_listmsgs_does()
    {
        using var dir = new TempDirectory();
        string day = dir.Write("g/d.markdown", string.Join("\n",
            "---",                        // 1
            "title: x",                   // 2
            "> 00:00:00  not a message",  // 3: inside the front matter
            "---",                        // 4
            "text before any header",     // 5
            "> 09:00:00  Ann  ",          // 6
            "",                           // 7
            "  first line  ",             // 8
            "\u3000",                     // 9: ideographic space only, blank to Python
            "second\tline",               // 10
            " > 09:00:01  Bob",           // 11: indented, so body text
            ">09:00:02 Cat",              // 12: no space after '>', so body text
            "> 09:00:03\tDan\u00a0",      // 13
            "> 09:00:04  "));             // 14: a header with an empty speaker

        var messages = MergedExportCanonicalizer.ReadMessages(day);

        Assert.Equal(
            [
                new ListedMessage(6, "09:00:00", "Ann", "first line second\tline > 09:00:01  Bob >09:00:02 Cat"),
                new ListedMessage(13, "09:00:03", "Dan", ""),
                new ListedMessage(14, "09:00:04", "", ""),
            ],
            messages);
    }

    [Fact]
    public void ReadMessages_counts_lines_across_crlf_and_lone_cr()
    {
        using var dir = new TempDirectory();
        string day = dir.Write("g/d.markdown", "> 09:00:00  Ann\r\nhi\r\r\n> 09:00:01  Bob\rho\n");

        var messages = MergedExportCanonicalizer.ReadMessages(day);

        Assert.Equal([new ListedMessage(1, "09:00:00", "Ann", "hi"), new ListedMessage(4, "09:00:01", "Bob", "ho")], messages);
    }

    [Fact]
    public void Repeats_under_another_speaker_within_two_seconds_map_to_the_first_copy()
    {
        var map = MapOf(
            ("09:00:00", "Ann", "hello all"),        // 1
            ("09:00:00", "Bob", "first"),            // 4
            ("09:00:02", "Ann (2)", "hello all"),    // 7 -> 1: two seconds, two messages on
            ("09:00:02", "Bob (2)", "first"),        // 10 -> 4: pairs cross
            ("09:00:10", "Cat", "again"),            // 13
            ("09:00:13", "Cat (2)", "again"),        // 16: three seconds apart
            ("09:00:13", "Cat", "again"),            // 19 -> 16: 13 is the same speaker, 16 another at the same second
            ("09:00:14", "Dan", "x"),                // 22
            ("09:00:14", "Eve", "y"),                // 25
            ("09:00:14", "Fay", "x"));               // 28 -> 22: three messages on is still a repeat

        Assert.Equal(1, map[7]);
        Assert.Equal(4, map[10]);
        Assert.Equal(16, map[16]);
        Assert.Equal(16, map[19]);
        Assert.Equal(22, map[28]);
    }

    [Fact]
    public void The_same_speaker_empty_text_and_a_fourth_message_later_are_not_repeats()
    {
        var map = MapOf(
            ("09:00:00", "Ann", "same"),   // 1
            ("09:00:01", "Ann", "same"),   // 4: same speaker
            ("09:00:01", "Bob", ""),       // 7
            ("09:00:01", "Cat", ""),       // 10: empty text
            ("09:00:01", "Dan", "x"),      // 13
            ("09:00:01", "Eve", "y"),      // 16
            ("09:00:01", "Fay", "z"),      // 19
            ("09:00:01", "Gil", "v"),      // 22
            ("09:00:01", "Hal", "x"));     // 25: four messages after 13

        Assert.All(map, pair => Assert.Equal(pair.Key, pair.Value));
        Assert.Equal(9, map.Count);
    }

    [Fact]
    public void A_copy_is_only_matched_to_a_first_copy()
    {
        var map = MapOf(
            ("09:00:00", "Ann", "w"),      // 1
            ("09:00:00", "Bob", "w"),      // 4 -> 1
            ("09:00:00", "Cat", "w"),      // 7 -> 1: the earliest first copy in the window
            ("09:00:01", "Dan", "other"),  // 10
            ("09:00:01", "Eve", "w"));     // 13: the window (4, 7, 10) holds only copies, so it stays

        Assert.Equal(1, map[4]);
        Assert.Equal(1, map[7]);
        Assert.Equal(13, map[13]);
    }

    [Fact]
    public void A_missing_file_maps_nothing()
    {
        Assert.Empty(MergedExportCanonicalizer.Map(Path.Combine(Path.GetTempPath(), "kb-eval-no-such-day.markdown")));
    }

    [SharedFact]
    public void Maps_a_real_merged_day_as_score_py_does()
    {
        // score.canon_map('../corpus', 'devarch/2017-12-23-chat.markdown'): two exports, one pair crossing another.
        var map = MergedExportCanonicalizer.Map(Path.Combine(SharedFolder.Corpus, "devarch", "2017-12-23-chat.markdown"));

        Assert.Equal(
            new Dictionary<int, int> { [9] = 9, [13] = 13, [17] = 13, [21] = 9, [25] = 25, [29] = 29, [33] = 33, [37] = 33, [41] = 41 },
            map);
    }

    // Writes one message per entry (header, body, blank line: headers on lines 1, 4, 7, ...) and maps it.
    private static IReadOnlyDictionary<int, int> MapOf(params (string Time, string Speaker, string Text)[] messages)
    {
        using var dir = new TempDirectory();
        string day = dir.Write("g/d.markdown", string.Concat(messages.Select(m => $"> {m.Time}  {m.Speaker}\n{m.Text}\n\n")));
        return MergedExportCanonicalizer.Map(day);
    }
}
