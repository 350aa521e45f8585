using KnowledgeBase.Cli.Commands.Review;
using KnowledgeBase.Cli.Infrastructure;
using KnowledgeBase.Web;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace KnowledgeBase.Cli.Commands.Serve;

/// <summary><c>kb serve --db &lt;file&gt;</c>: the review page on loopback (or elsewhere with a token) until Ctrl+C.</summary>
internal sealed class ServeCommand : Command<ServeSettings>
{
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = new ReviewServerOptions(ReviewStore.Options(settings.Database, settings.Models))
        {
            Host = settings.Host,
            Port = settings.Port,
            Token = settings.Token,
            InputRoot = settings.Input,
        };
        if (options.Problem() is { } problem)
        {
            Console.Error.WriteLine($"kb serve: {problem}");
            return ExitCodes.UsageOrNothingReadable;
        }

        using var app = ReviewServer.Create(options);
        app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        // The test harness and people both read this line: it carries the real port when --port 0 was given.
        Console.Out.WriteLine($"kb serve: reviewing {settings.Database} at {ReviewServer.PageUrl(app, options)} (Ctrl+C to stop)");
        Console.Out.Flush();
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        return ExitCodes.Ok;
    }
}
