using System.Reflection;

namespace KnowledgeBase.Web;

/// <summary>Serves the page's files, embedded in this assembly under <c>wwwroot/</c>.</summary>
internal static class PageAssets
{
    private static readonly (string Route, string Resource, string ContentType)[] Files =
    [
        ("/", "wwwroot/index.html", "text/html; charset=utf-8"),
        ("/app.js", "wwwroot/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "wwwroot/app.css", "text/css; charset=utf-8"),
    ];

    public static void Map(WebApplication app)
    {
        var assembly = typeof(PageAssets).Assembly;
        foreach (var (route, resource, contentType) in Files)
        {
            var bytes = Read(assembly, resource);
            app.MapRead(route, () => Results.Bytes(bytes, contentType));
        }
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the page file {resource} is not embedded in {assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
