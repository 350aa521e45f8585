using KnowledgeBase.Core.Tests.Exchanges;
using KnowledgeBase.Core.Tests.Pipeline;

namespace KnowledgeBase.Core.Tests.Cli;

/// <summary>
/// A fact that runs the real <c>kb</c> on a pseudo-terminal (util-linux <c>script</c>) over the real corpus, whose build is
/// long enough to be interrupted; skipped, saying why, when kb is not built, <c>script</c> is missing or the corpus is absent.
/// </summary>
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute()
    {
        Skip = KbBuiltFactAttribute.KbDll is null ? "kb not built (run 'dotnet build KnowledgeBase.sln' first)"
            : Script is null ? "no util-linux 'script' in /usr/bin or /bin to give kb a terminal"
            : CorpusFolder.MissingReason;
    }

    /// <summary>The <c>script</c> command, or null.</summary>
    public static string? Script { get; } = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/script", "/bin/script" }.FirstOrDefault(File.Exists)
        : null;
}
