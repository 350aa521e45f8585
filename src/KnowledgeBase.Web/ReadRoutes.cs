namespace KnowledgeBase.Web;

/// <summary>
/// Routes that read: answered for GET and for HEAD (a link checker's or monitor's probe, <c>curl -I</c>), which Kestrel
/// answers with the GET response's status and headers and without its body.
/// </summary>
internal static class ReadRoutes
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps <paramref name="handler"/> for GET and HEAD requests to <paramref name="pattern"/>.</summary>
    /// <param name="app">The application.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <param name="handler">The handler, as for <c>MapGet</c>.</param>
    /// <returns>The route's builder.</returns>
    public static RouteHandlerBuilder MapRead(this WebApplication app, string pattern, Delegate handler) => app.MapMethods(pattern, Methods, handler);
}
