using System.Security.Cryptography;
using System.Text;
using HeaderUtilities = Microsoft.Net.Http.Headers.HeaderUtilities;
using MediaTypeHeaderValue = Microsoft.Net.Http.Headers.MediaTypeHeaderValue;

namespace KnowledgeBase.Web;

/// <summary>
/// Checks every request before it reaches the page or the API: the Host header (so a DNS-rebinding page cannot talk to
/// a loopback server), the token when one is set, and for state-changing requests the method (POST only), a JSON body
/// and a same-origin check.
/// </summary>
internal sealed class RequestGuard(ReviewServerOptions options)
{
    public const string TokenHeader = "X-KB-Token";
    public const string TokenCookie = "kb_token";

    // The bound address too: kb serve --host 127.0.0.2 prints and is opened at that address. As a browser writes it,
    // not as it was typed: --host 127.000.000.002 is opened at 127.0.0.2, --host ::1 at [::1] (localhost binds no one address).
    private readonly HashSet<string> loopbackHosts = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]", options.AddressAsHost ?? "localhost" };

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (options.IsLoopback && !loopbackHosts.Contains(request.Host.Host))
        {
            await Refuse(context, StatusCodes.Status400BadRequest, "unexpected Host header");
            return;
        }

        if (options.Token is { Length: > 0 } token)
        {
            var fromQuery = request.Query["token"].ToString();
            var presented = request.Headers[TokenHeader].ToString() is { Length: > 0 } header ? header
                : request.Cookies[TokenCookie] is { Length: > 0 } cookie ? cookie
                : fromQuery;
            if (!SameSecret(presented, token))
            {
                await Refuse(context, StatusCodes.Status401Unauthorized, "missing or wrong token");
                return;
            }

            if (fromQuery.Length > 0)
            {
                // The page's own follow-up requests (script, styles) carry the token as a strict same-site cookie.
                context.Response.Cookies.Append(TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            }
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            if (!HttpMethods.IsPost(request.Method))
            {
                await Refuse(context, StatusCodes.Status405MethodNotAllowed, "only GET and POST");
                return;
            }

            if (!SameOrigin(request))
            {
                await Refuse(context, StatusCodes.Status403Forbidden, "cross-origin request refused");
                return;
            }

            if (JsonBodyProblem(request) is { } problem)
            {
                // A JSON body cannot be sent across origins without a preflight, which this server never allows.
                await Refuse(context, StatusCodes.Status415UnsupportedMediaType, problem);
                return;
            }
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        await next(context);
    }

    /// <summary>
    /// Why the body is not JSON the API can read, or null: the type must be <c>application/json</c>, and a charset, if
    /// named, one .NET decodes. A quoted charset (<c>charset="utf-8"</c>, which HTTP allows) is written plainly for the
    /// JSON reader, which would not unquote it.
    /// </summary>
    private static string? JsonBodyProblem(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return "send application/json";
        }

        if (!type.Charset.HasValue)
        {
            return null;
        }

        var charset = HeaderUtilities.RemoveQuotes(type.Charset).ToString();
        if (charset.Equals("utf-7", StringComparison.OrdinalIgnoreCase) || charset.Equals("csUnicode11UTF7", StringComparison.OrdinalIgnoreCase))
        {
            // .NET refuses to decode UTF-7, for safety: it can hide markup in plain letters.
            return "send application/json in UTF-8 (UTF-7 is not read)";
        }

        try
        {
            request.ContentType = $"application/json; charset={Encoding.GetEncoding(charset).WebName}";
            return null;
        }
        catch (Exception unknown) when (unknown is ArgumentException or NotSupportedException)
        {
            return $"send application/json in UTF-8 (charset '{charset}' is unknown)";
        }
    }

    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none";
    }

    private static bool SameSecret(string presented, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token));

    private static Task Refuse(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = reason });
    }
}
