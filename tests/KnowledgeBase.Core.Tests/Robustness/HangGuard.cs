namespace KnowledgeBase.Core.Tests.Robustness;

/// <summary>
/// Runs a read on the thread pool and fails the test when it does not come back: a hang guard, not a timing.
/// The limit is far above any honest read (they take milliseconds) because the shared CI machine can be loaded.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static T Within<T>(string what, Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Limit), $"{what} did not finish within {Limit.TotalSeconds:0} s: the reader hangs on it");
        return task.Result;
    }

    public static void Within(string what, Action work) => Within(what, () =>
    {
        work();
        return true;
    });
}
