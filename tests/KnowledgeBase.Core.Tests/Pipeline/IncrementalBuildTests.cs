using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Pipeline;
using KnowledgeBase.Core.Tests.Evaluation;
using KnowledgeBase.Core.Tests.Exchanges;
using KnowledgeBase.Core.Tests.Export;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>
/// Builds with the build cache must give byte for byte the faq.json of a build without it, whatever happened to the
/// input (a day added, changed or removed) or to the cache (reused, corrupt, holding stale resolutions).
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly DateTimeOffset GeneratedAt = new(2024, 3, 8, 9, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void Adding_a_day_to_the_sample_gives_the_output_of_a_full_build_and_reuses_the_other_days()
    {
        var files = SampleFiles();
        var input = Copy(files[..^1]);
        var cache = Path.Combine(work.Path, "cache.db");
        Build(input, cache);

        Copy(files[^1..]);
        var incremental = Build(input, cache);

        Assert.Equal(Json(Build(input, cachePath: null)), Json(incremental));
        var use = incremental.Cache!;
        // Each unchanged day is reused twice (its reading and its exchanges); the new day is computed twice.
        Assert.Equal(2 * (files.Length - 1), use.Hits);
        Assert.Equal(2, use.Misses);
        Assert.Equal(0, use.Dropped);
    }

    [Fact]
    public void A_second_build_of_unchanged_input_reads_nothing_again()
    {
        var input = Copy(SampleFiles());
        var cache = Path.Combine(work.Path, "cache.db");
        var first = Build(input, cache);
        var second = Build(input, cache);

        Assert.Equal(Json(first), Json(second));
        Assert.Equal(0, second.Cache!.Misses);
        Assert.Equal(2 * second.Document.Input.Files, second.Cache.Hits);
    }

    [Fact]
    public void Changed_and_removed_days_are_read_again_and_their_old_records_dropped()
    {
        var files = SampleFiles();
        var input = Copy(files);
        var cache = Path.Combine(work.Path, "cache.db");
        Build(input, cache);

        var changed = Directory.GetFiles(input, "*.markdown", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        File.AppendAllText(changed[0], "\n> 23:59:58  新来的\n\n清算和结算有什么区别？\n\n> 23:59:59  老司机\n\n清算是算账，结算是真正划款。\n");
        File.Delete(changed[^1]);
        var incremental = Build(input, cache);

        Assert.Equal(Json(Build(input, cachePath: null)), Json(incremental));
        Assert.Equal(2, incremental.Cache!.Misses);
        // The changed day's and the removed day's old records: a reading and an exchange record each.
        Assert.Equal(4, incremental.Cache.Dropped);
    }

    [Fact]
    public void Exchanges_found_with_other_speaker_resolutions_are_not_reused()
    {
        var input = Copy(SampleFiles());
        var cache = Path.Combine(work.Path, "cache.db");
        var full = Json(Build(input, cache));

        // As if other days had taught the directory something that changes how each day's names resolve.
        var (opened, _) = BuildCache.Open(cache, ModelsDirectory);
        using (opened)
        {
            foreach (var key in Keys(cache))
            {
                opened.Put(BuildCacheTable.Exchanges, key, new ExchangeRecord(["somebody else"], []));
            }

            opened.Commit();
        }

        var rebuilt = Build(input, cache);

        Assert.Equal(full, Json(rebuilt));
        Assert.Equal(rebuilt.Document.Input.Files, rebuilt.Cache!.Misses);
    }

    [Fact]
    public void A_corrupt_cache_is_replaced_and_the_output_is_unchanged()
    {
        var input = Copy(SampleFiles());
        var cache = Path.Combine(work.Path, "cache.db");
        // The SQLite header, then garbage: a cache whose first page was overwritten.
        File.WriteAllText(cache, "SQLite format 3\0this is not a SQLite database, whatever its header says");

        var result = Build(input, cache);

        Assert.Equal(
            $"{cache} is damaged: it starts like a SQLite database, but SQLite cannot open it as one: moved to {cache}.unusable and started afresh",
            result.Cache!.Replaced);
        Assert.True(File.Exists(cache + ".unusable"));
        Assert.Equal(Json(Build(input, cachePath: null)), Json(result));
        Assert.Equal(0, Build(input, cache).Cache!.Misses);
    }

    [Theory]
    [InlineData("notes.txt", "this is not a SQLite database, whatever its name says")]
    [InlineData("faq.json", "{\"schemaVersion\": 1}")]
    [InlineData("short.db", "SQLite")]
    public void A_file_that_is_not_SQLite_given_as_the_cache_is_refused_and_left_as_it_was(string name, string text)
    {
        var input = Copy(SampleFiles());
        var file = Path.Combine(work.Path, name);
        File.WriteAllText(file, text);

        var refused = Assert.Throws<BuildCacheRefusedException>(() => Build(input, file));

        Assert.Contains($"{file} is not a SQLite file", refused.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFiles(work.Path, name + "*"));
    }

    [Fact]
    public void An_empty_file_given_as_the_cache_becomes_a_new_cache()
    {
        var input = Copy(SampleFiles());
        var cache = Path.Combine(work.Path, "cache.db");
        File.WriteAllBytes(cache, []);

        var result = Build(input, cache);

        Assert.Null(result.Cache!.Replaced);
        Assert.False(File.Exists(cache + ".unusable"));
        Assert.Equal(0, Build(input, cache).Cache!.Misses);
    }

    [Fact]
    public void A_cache_with_damaged_pages_is_replaced_before_the_build_reads_from_it()
    {
        var input = Copy(SampleFiles());
        var cache = Path.Combine(work.Path, "cache.db");
        Build(input, cache);
        SqliteConnection.ClearAllPools();
        // Damage the pages after the first two, where the records are; the header stays, so the file still opens.
        var bytes = File.ReadAllBytes(cache);
        Assert.True(bytes.Length > 4 * 4096, $"the cache is only {bytes.Length} bytes");
        new Random(7).NextBytes(bytes.AsSpan(2 * 4096, bytes.Length - (2 * 4096)));
        File.WriteAllBytes(cache, bytes);

        var result = Build(input, cache);

        Assert.StartsWith($"{cache} is damaged (", result.Cache!.Replaced, StringComparison.Ordinal);
        Assert.True(File.Exists(cache + ".unusable"));
        Assert.Equal(Json(Build(input, cachePath: null)), Json(result));
    }

    [Fact]
    public void Another_database_given_as_the_cache_is_refused_and_left_as_it_was_with_its_journal()
    {
        var input = Copy(SampleFiles());
        var other = Path.Combine(work.Path, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE entries (id TEXT); INSERT INTO entries VALUES ('approved by alice');";
            command.ExecuteNonQuery();
            // The database and its WAL hold the data; the -shm index is shared memory that any reader updates.
            var files = new[] { other, other + "-wal" }.ToDictionary(f => f, File.ReadAllBytes);

            // The connection stays open, as a review page would hold it: the row is still in the WAL only.
            var refused = Assert.Throws<BuildCacheRefusedException>(() => Build(input, other));

            Assert.Contains("no build cache (it holds the tables entries)", refused.Message, StringComparison.Ordinal);
            Assert.Equal([other, other + "-shm", other + "-wal"], Directory.GetFiles(work.Path, "other.db*").Order(StringComparer.Ordinal));
            Assert.All(files, file => Assert.True(file.Value.AsSpan().SequenceEqual(File.ReadAllBytes(file.Key)), $"{file.Key} changed"));
            Assert.False(File.Exists(other + ".unusable"));
        }
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("text files only")]
    [InlineData("binary chat log")]
    public void A_build_of_nothing_readable_leaves_the_cache_of_the_last_real_build(string what)
    {
        var input = Copy(SampleFiles());
        var cache = Path.Combine(work.Path, "cache.db");
        var full = Json(Build(input, cache));
        var wrong = Path.Combine(work.Path, "wrong");
        Directory.CreateDirectory(wrong);
        switch (what)
        {
            case "text files only":
                File.WriteAllText(Path.Combine(wrong, "notes.txt"), "> 10:00:00  某人\n\n这不是聊天记录文件\n");
                break;
            case "binary chat log":
                File.WriteAllBytes(Path.Combine(wrong, "2018-03-05.markdown"), [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]);
                break;
        }

        var nothing = Build(wrong, cache);

        Assert.True(nothing.NothingReadable);
        Assert.Empty(nothing.Document.Entries);
        Assert.Null(nothing.Cache);
        var again = Build(input, cache);
        Assert.False(again.NothingReadable);
        Assert.Equal((0, 0), (again.Cache!.Misses, again.Cache.Dropped));
        Assert.Equal(full, Json(again));
    }

    [Fact]
    public void The_fingerprint_follows_every_models_file()
    {
        var models = Path.Combine(work.Path, "models");
        Directory.CreateDirectory(models);
        foreach (var file in Directory.GetFiles(ModelsDirectory))
        {
            File.Copy(file, Path.Combine(models, Path.GetFileName(file)));
        }

        var before = BuildCache.FingerprintOf(models);
        Assert.Equal(before, BuildCache.FingerprintOf(models));
        File.AppendAllText(Path.Combine(models, "payment-dict.txt"), "清分机构 10 n\n");
        Assert.NotEqual(before, BuildCache.FingerprintOf(models));
    }

    [CorpusFact]
    public void Adding_a_corpus_day_gives_the_output_of_a_full_build()
    {
        // A run of consecutive days of one group, where mentions and merged exports connect the days.
        var group = Directory.GetDirectories(CorpusFolder.Path!).Order(StringComparer.Ordinal).First();
        var days = Directory.GetFiles(group, "*.markdown", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(10).ToArray();
        var input = Path.Combine(work.Path, "corpus");
        void CopyDay(string file)
        {
            var target = Path.Combine(input, Path.GetRelativePath(CorpusFolder.Path!, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var day in days[..^1])
        {
            CopyDay(day);
        }

        var cache = Path.Combine(work.Path, "cache.db");
        Build(input, cache);
        CopyDay(days[^1]);
        var incremental = Build(input, cache);

        Assert.Equal(Json(Build(input, cachePath: null)), Json(incremental));
        Assert.True(incremental.Cache!.Hits >= days.Length - 1, $"only {incremental.Cache.Hits} records reused");
    }

    private static string ModelsDirectory => Path.Combine(AppContext.BaseDirectory, "models");

    private static string[] SampleFiles()
    {
        var sample = Path.Combine(RepositoryFolder.Path, "data", "sample");
        var files = Directory.GetFiles(sample, "*.markdown", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 3, "data/sample should hold at least three days");
        return files;
    }

    [Fact]
    public void A_day_nobody_spoke_on_with_a_problem_is_read_not_nothing_readable()
    {
        var day = Path.Combine(work.Path, "quiet", "g", "2018-01-01-chat.markdown");
        Directory.CreateDirectory(Path.GetDirectoryName(day)!);
        File.WriteAllText(day, "---\nlayout: source\ndate: 2018-01-01\ndate: 2018-01-01\n---\n");

        var result = Build(Path.Combine(work.Path, "quiet"), null);

        Assert.False(result.NothingReadable);
        Assert.NotEmpty(result.Problems);
        Assert.Equal((1, 0, 0), (result.Document.Input.Files, result.Document.Input.SkippedFiles, result.Document.Input.Messages));
    }

    private static PipelineResult Build(string input, string? cachePath) =>
        new KnowledgeBasePipeline().Run(new KnowledgeBasePipelineOptions(input) { GeneratedAt = GeneratedAt, CachePath = cachePath });

    private static byte[] Json(PipelineResult result)
    {
        using var stream = new MemoryStream();
        new FaqJsonWriter().Write(result.Document, stream);
        return stream.ToArray();
    }

    private static List<string> Keys(string cache)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cache};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM exchanges";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private string Copy(IEnumerable<string> files)
    {
        var sample = Path.Combine(RepositoryFolder.Path, "data", "sample");
        var input = Path.Combine(work.Path, "input");
        FolderCopy.Files(sample, files, input);

        return input;
    }
}
