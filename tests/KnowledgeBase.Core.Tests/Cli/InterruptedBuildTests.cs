using System.Diagnostics;
using System.Text;
using KnowledgeBase.Core.Tests.Exchanges;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// Ctrl-C during a <c>kb build</c> on a terminal: the progress bar hid the cursor, and kb shows it again and says it was
/// interrupted before it ends with exit code 130, leaving no faq.json behind.
/// </summary>
public sealed class InterruptedBuildTests : IDisposable
{
    // A hang guard, not a timing.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private static readonly byte[] HideCursor = "\u001b[?25l"u8.ToArray();

    private static readonly byte[] ShowCursor = "\u001b[?25h"u8.ToArray();

    private readonly string work = Directory.CreateTempSubdirectory("kb-interrupt-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [TerminalFact]
    public void Ctrl_C_during_the_progress_bar_shows_the_cursor_again_says_so_and_exits_with_130()
    {
        var output = Path.Combine(work, "out");
        var typescript = Path.Combine(work, "typescript");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = string.Join(' ', new[] { dotnet, KbBuiltFactAttribute.KbDll!, "build", CorpusFolder.Path!, "--out", output }.Select(Quoted));
        var start = new ProcessStartInfo(TerminalFactAttribute.Script!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // -e: script's exit code is kb's; what the terminal showed goes to the typescript file.
        foreach (var argument in new[] { "-q", "-e", "-c", command, typescript })
        {
            start.ArgumentList.Add(argument);
        }

        using var script = Process.Start(start) ?? throw new InvalidOperationException("script did not start");
        var drained = script.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (Shown(typescript).AsSpan().IndexOf(HideCursor) < 0)
        {
            Assert.False(script.HasExited, $"kb ended before its progress bar showed: {Encoding.UTF8.GetString(Shown(typescript))}");
            Assert.True(clock.Elapsed < Limit, "no progress bar within the hang guard");
            Thread.Sleep(50);
        }

        // Ctrl-C typed at the terminal: the pseudo-terminal turns it into SIGINT for kb.
        script.StandardInput.Write('\u0003');
        script.StandardInput.Flush();
        Assert.True(script.WaitForExit(Limit), "kb did not end after Ctrl-C");
        _ = drained.Result;

        var shown = Shown(typescript);
        Assert.Equal(130, script.ExitCode);
        Assert.True(
            shown.AsSpan().LastIndexOf(ShowCursor) > shown.AsSpan().LastIndexOf(HideCursor),
            "the cursor was left hidden: " + Encoding.UTF8.GetString(shown[Math.Max(0, shown.Length - 200)..]));
        Assert.Contains("kb: interrupted", Encoding.UTF8.GetString(shown), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "faq.json")));
    }

    private static byte[] Shown(string typescript)
    {
        try
        {
            using var stream = new FileStream(typescript, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    private static string Quoted(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
