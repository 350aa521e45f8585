using System.Diagnostics;

namespace KnowledgeBase.Core.Tests.Evaluation;

/// <summary>Runs <c>python3</c> and returns its standard output; fails the test on a non-zero exit.</summary>
internal static class PythonProcess
{
    public static string Run(IEnumerable<string> arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(SharedFolder.Python!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "python3 did not finish within two minutes");
        Assert.True(process.ExitCode == 0, $"python3 {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
