using Spectre.Console;

namespace KnowledgeBase.Cli.Infrastructure;

/// <summary>Console helpers: progress and tables for people on a terminal, plain text when redirected.</summary>
internal static class Terminal
{
    /// <summary>A console on stderr, so stdout stays machine-readable.</summary>
    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>True when a person watches stderr (a progress bar makes sense).</summary>
    public static bool Interactive => !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    /// <summary>Writes a problem line (<c>path:line: what is wrong</c>) to stderr.</summary>
    public static void Problem(string text) => Console.Error.WriteLine(text);

    /// <summary>
    /// Shows the cursor again (DECTCEM, <c>ESC [ ? 25 h</c>) on whichever of stderr and stdout is a terminal: a progress
    /// bar hides it and shows it when it ends, which it does not when Ctrl-C ends the process.
    /// </summary>
    public static void RestoreCursor()
    {
        const string ShowCursor = "\u001b[?25h";
        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write(ShowCursor);
        }
        else if (!Console.IsOutputRedirected)
        {
            Console.Out.Write(ShowCursor);
            Console.Out.Flush();
        }
    }
}
