namespace KnowledgeBase.Cli.Infrastructure;

/// <summary>The exit codes of every verb (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything was read and written.</summary>
    public const int Ok = 0;

    /// <summary>Some input had problems (reported on stderr), but the output was written.</summary>
    public const int InputProblems = 1;

    /// <summary>Bad usage, or nothing readable: no output was written.</summary>
    public const int UsageOrNothingReadable = 2;
}
