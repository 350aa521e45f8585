using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Curation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace KnowledgeBase.Web;

/// <summary>
/// The review page and its JSON API over a <see cref="CurationStore"/>. Reads are GETs; every action is a POST with
/// the entry version the reviewer saw, answered only after the store has committed it.
/// </summary>
public static class ReviewServer
{
    /// <summary>Builds the web application (not started yet).</summary>
    /// <param name="options">Store, address, token and input folder.</param>
    /// <returns>The application; call <c>StartAsync</c> or <c>RunAsync</c>.</returns>
    /// <exception cref="ArgumentException">The options cannot be served (see <see cref="ReviewServerOptions.Problem"/>).</exception>
    public static WebApplication Create(ReviewServerOptions options)
    {
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            // Problem() has refused every host but localhost that names no address.
            if (options.Address is { } address)
            {
                kestrel.Listen(address, options.Port);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });
        builder.Services.AddSingleton(new CurationStore(options.Store));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);
        // A request that does not bind throws, so ReviewApi can answer it with an error message instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

        var app = builder.Build();
        app.Use(Failures);
        // Every refusal carries an error for a person, also those the framework answers with an empty body (an unknown
        // address, a method an address does not take, a body over the size limit).
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            var error = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => "no such address",
                StatusCodes.Status405MethodNotAllowed => "this address does not take " + context.HttpContext.Request.Method,
                StatusCodes.Status413PayloadTooLarge => "the request body is too large",
                _ => ReasonPhrases.GetReasonPhrase(response.StatusCode),
            };
            await response.WriteAsJsonAsync(new { error });
        });
        // RequestGuard reads a body in any charset .NET decodes: GBK and the other code pages too, from the first request
        // on, not only once the reader has decoded a GBK chat file (which registers them).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var guard = new RequestGuard(options);
        app.Use(guard.InvokeAsync);
        PageAssets.Map(app);
        ReviewApi.Map(app, options);
        return app;
    }

    // A request that fails where nothing expected it (the store damaged or changed under the server, a bug) is answered
    // 500 with what went wrong, which the page shows, and named on stderr for whoever runs kb serve: Kestrel would answer
    // with an empty body and, its logging cleared, say nothing. A curation action runs in one transaction, so a failed one
    // saved nothing.
    private static async Task Failures(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception failure) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Console.Error.WriteLine($"kb serve: {context.Request.Method} {context.Request.Path} failed: {failure}");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            var unsaved = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? string.Empty : "; nothing was saved";
            await context.Response.WriteAsJsonAsync(new { error = $"the server failed: {failure.Message.TrimEnd('.')}{unsaved}" });
        }
    }

    /// <summary>The addresses the started application listens on (with the real port when 0 was asked for).</summary>
    /// <param name="app">A started application.</param>
    /// <returns>The addresses, such as <c>http://127.0.0.1:5080</c>.</returns>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>The URL a person opens: the first address, with the token when one is set.</summary>
    /// <param name="app">A started application.</param>
    /// <param name="options">Its options.</param>
    /// <returns>The URL.</returns>
    public static string PageUrl(WebApplication app, ReviewServerOptions options)
    {
        var addresses = Addresses(app);
        var address = addresses.Count > 0 ? addresses[0] : $"http://{options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}";
        return options.Token is { Length: > 0 } token ? $"{address}/?token={Uri.EscapeDataString(token)}" : address + "/";
    }
}
