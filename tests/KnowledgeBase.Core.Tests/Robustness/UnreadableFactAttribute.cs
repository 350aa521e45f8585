namespace KnowledgeBase.Core.Tests.Robustness;

/// <summary>
/// A fact about unreadable files; skipped, saying why, where a mode-000 file can be read anyway (as root, which is
/// how CI runs) or where Unix modes do not exist.
/// </summary>
public sealed class UnreadableFactAttribute : FactAttribute
{
    public UnreadableFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes are not available on Windows";
            return;
        }

        var probe = Path.Combine(Path.GetTempPath(), $"kb-unreadable-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, "probe");
            File.SetUnixFileMode(probe, UnixFileMode.None);
            using (File.OpenRead(probe))
            {
                Skip = $"a mode-000 file is still readable by this user ({Environment.UserName}, root bypasses file modes): "
                    + "the unreadable-file case cannot be produced here";
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Mode 000 is honoured: the test can run.
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
