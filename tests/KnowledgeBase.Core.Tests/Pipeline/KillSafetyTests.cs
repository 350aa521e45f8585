using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>
/// Kills real <c>kb build</c> processes (SIGKILL, no chance to clean up) at several points and checks that the out
/// folder's faq.json is always either the old complete file, byte for byte, or a new complete one: never partial. The
/// old file is built from part of the input, so old and new are told apart by their file count. A final build over
/// the same folder must then succeed, which also shows the curation store (kb.db) survived the kills, and give the same
/// faq.json as a build without the build cache, which shows the cache survived them too.
/// </summary>
public sealed partial class KillSafetyTests(ITestOutputHelper log) : IDisposable
{
    // A hang guard for one build, not a timing: a build of the sample takes seconds, even on a loaded machine.
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(5);

    private readonly string work = Directory.CreateTempSubdirectory("kb-kill-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [KbBuiltFact]
    public void Killed_builds_leave_the_old_or_a_new_complete_faq_json()
    {
        var sample = Path.Combine(KbBuiltFactAttribute.RepositoryRoot!, "data", "sample");
        var files = Directory.GetFiles(sample, "*.markdown", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 2, "data/sample should hold at least two days");
        var part = CopyInput("part", files[..^1], sample);
        var whole = CopyInput("whole", files, sample);
        var outFolder = Path.Combine(work, "out");

        // The good old faq.json, from all days but the last.
        var clock = Stopwatch.StartNew();
        var first = RunToEnd(part, outFolder);
        var fullRun = clock.Elapsed;
        Assert.True(first is 0 or 1, $"the first build failed with exit code {first}");
        var old = File.ReadAllBytes(Path.Combine(outFolder, "faq.json"));
        var (oldSchema, oldFiles) = Parse(old);
        Assert.Equal(files.Length - 1, oldFiles);

        // Kill at fractions of a whole run (model loading, reading, clustering, writing), then as soon as the
        // writer's temporary file shows up, which is the moment a non-atomic writer would leave half a file.
        var killed = new List<int>();
        var outcomes = new List<string>();
        foreach (var fraction in new[] { 0.15, 0.5, 0.8, 0.95 })
        {
            outcomes.Add(KillAfter(whole, outFolder, fullRun * fraction, killed));
            AssertCompleteFaqJson(outFolder, old, oldSchema, files.Length, killed);
        }

        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(KillWhenWriting(whole, outFolder, killed));
            AssertCompleteFaqJson(outFolder, old, oldSchema, files.Length, killed);
        }

        log.WriteLine(string.Join("\n", outcomes));
        Assert.NotEmpty(killed);
        var last = RunToEnd(whole, outFolder);
        Assert.True(last is 0 or 1, $"the build after the kills failed with exit code {last} ({string.Join("; ", outcomes)})");
        var (schema, count) = Parse(File.ReadAllBytes(Path.Combine(outFolder, "faq.json")));
        Assert.Equal(oldSchema, schema);
        Assert.Equal(files.Length, count);
        AssertNoStrayOutput(outFolder, killed);
        Assert.Empty(Directory.GetFiles(outFolder, ".faq.json.*.tmp"));

        var fresh = Path.Combine(work, "fresh");
        Assert.True(RunToEnd(whole, fresh, "--no-cache") is 0 or 1, "the build without a cache failed");
        Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, "faq.json")), File.ReadAllBytes(Path.Combine(outFolder, "faq.json")));
    }

    private string CopyInput(string name, IEnumerable<string> files, string sample)
    {
        var root = Path.Combine(work, name);
        FolderCopy.Files(sample, files, root);

        return root;
    }

    private static void AssertCompleteFaqJson(string output, byte[] old, int oldSchema, int newFiles, List<int> killed)
    {
        var current = File.ReadAllBytes(Path.Combine(output, "faq.json"));
        if (!current.AsSpan().SequenceEqual(old))
        {
            var (schema, files) = Parse(current);
            Assert.Equal(oldSchema, schema);
            Assert.Equal(newFiles, files);
        }

        AssertNoStrayOutput(output, killed);
    }

    /// <summary>
    /// Only faq.json, the store and the build cache with their SQLite side files, and the hidden, pid-named temporary file of a writer that
    /// was killed (<c>.faq.json.&lt;pid&gt;.tmp</c>): nothing a reader of the folder could take for output.
    /// </summary>
    private static void AssertNoStrayOutput(string output, List<int> killed)
    {
        foreach (var file in Directory.GetFiles(output).Select(Path.GetFileName))
        {
            if (file is "faq.json" or "kb.db" or "kb.db-journal" or "kb.db-wal" or "kb.db-shm"
                or "build-cache.db" or "build-cache.db-journal" or "build-cache.db-wal" or "build-cache.db-shm")
            {
                continue;
            }

            var temp = TempFile().Match(file!);
            Assert.True(temp.Success, $"unexpected file {file} in the out folder");
            Assert.Contains(int.Parse(temp.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), killed);
        }
    }

    private static (int Schema, int Files) Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.GetProperty("schemaVersion").GetInt32(), root.GetProperty("input").GetProperty("files").GetInt32());
    }

    private static int RunToEnd(string input, string output, params string[] options)
    {
        using var process = Start(input, output, options);
        Assert.True(process.WaitForExit(BuildLimit), $"kb build did not finish within {BuildLimit.TotalMinutes} minutes");
        return process.ExitCode;
    }

    private static string KillAfter(string input, string output, TimeSpan delay, List<int> killed)
    {
        using var process = Start(input, output);
        if (process.WaitForExit(delay))
        {
            return $"finished before {delay.TotalSeconds:0.0} s";
        }

        return Kill(process, killed, $"killed at {delay.TotalSeconds:0.0} s");
    }

    private static string KillWhenWriting(string input, string output, List<int> killed)
    {
        using var process = Start(input, output);
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < BuildLimit)
        {
            if (Directory.EnumerateFiles(output, ".faq.json.*.tmp").Any(file => file.EndsWith($".{process.Id}.tmp", StringComparison.Ordinal)))
            {
                return Kill(process, killed, "killed while writing");
            }

            Thread.Sleep(1);
        }

        Assert.True(process.WaitForExit(BuildLimit), $"kb build did not finish within {BuildLimit.TotalMinutes} minutes");
        return "finished before its temporary file was seen";
    }

    private static string Kill(Process process, List<int> killed, string outcome)
    {
        killed.Add(process.Id);
        process.Kill(entireProcessTree: true);
        Assert.True(process.WaitForExit(BuildLimit), "a killed kb build did not exit");
        return outcome;
    }

    private static Process Start(string input, string output, params string[] options)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(KbBuiltFactAttribute.KbDll!);
        start.ArgumentList.Add("build");
        start.ArgumentList.Add(input);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(output);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        // Same generatedAt on every run, so a new faq.json differs from the old only by what it was built from.
        start.Environment["SOURCE_DATE_EPOCH"] = "1709596800";
        var process = Process.Start(start) ?? throw new InvalidOperationException("kb build did not start");

        // Drain both streams so a chatty build never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [GeneratedRegex(@"^\.faq\.json\.([0-9]+)\.tmp$")]
    private static partial Regex TempFile();
}
