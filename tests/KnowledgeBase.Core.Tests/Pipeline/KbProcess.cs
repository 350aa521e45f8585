using System.Diagnostics;

namespace KnowledgeBase.Core.Tests.Pipeline;

/// <summary>Runs the built <c>kb</c> (see <see cref="KbBuiltFactAttribute"/>) to the end and returns what it said.</summary>
internal static class KbProcess
{
    // A hang guard for one command, not a timing: a build of the sample takes seconds, even on a loaded machine.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments) => RunWith(new Dictionary<string, string>(), arguments);

    /// <summary>Runs kb with some environment variables set (over the pinned <c>SOURCE_DATE_EPOCH</c> too).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(KbBuiltFactAttribute.KbDll!);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Same generatedAt on every run, so two builds of the same input write the same bytes.
        start.Environment["SOURCE_DATE_EPOCH"] = "1709596800";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kb did not start");
        // Both streams read at once, so a chatty command never blocks on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(Limit), $"kb {string.Join(' ', arguments)} did not finish within {Limit.TotalMinutes} minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
