using System.Net;
using System.Text;
using System.Text.Json;

namespace KnowledgeBase.Web.Tests;

/// <summary>
/// What every request passes before the page or the API: the Host header on loopback, the token when one is set, and
/// for a save the method, a same-origin request and a JSON body. A refused save changes nothing.
/// </summary>
[Collection(ReviewServerCollectionDefinition.Name)]
public sealed class RequestGuardTests(SegmenterFixture segmenters)
{
    private const string Token = "a-long-enough-test-token";
    private const string Approve = """{"actor":"mallory","version":1}""";

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    [InlineData("192.168.1.20")]
    public async Task A_foreign_Host_header_is_refused_on_loopback_so_a_rebound_name_reaches_nothing(string host)
    {
        await using var server = await Start();

        var page = await server.Send(HttpMethod.Get, "", r => r.Headers.Host = host);
        var meta = await server.Send(HttpMethod.Get, "api/meta", r => r.Headers.Host = host);
        var save = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", r => r.Headers.Host = host, Json(Approve));

        Assert.All([page, meta, save], r => Assert.Equal((400, "unexpected Host header"), (r.Status, Error(r.Body))));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task A_loopback_Host_header_with_or_without_the_port_is_served(string host)
    {
        await using var server = await Start();

        var withPort = await server.Send(HttpMethod.Get, "api/meta", r => r.Headers.Host = $"{host}:{server.Address.Port}");
        var without = await server.Send(HttpMethod.Get, "api/meta", r => r.Headers.Host = host);

        Assert.Equal((200, 200), (withPort.Status, without.Status));
    }

    [Fact]
    public async Task A_server_bound_to_another_loopback_address_serves_the_address_it_is_bound_to()
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter, options => options with { Host = "127.0.0.2" });

        var (status, _) = await server.GetJson("api/meta");
        var foreign = await server.Send(HttpMethod.Get, "api/meta", r => r.Headers.Host = "evil.example");

        Assert.Equal((200, 400), (status, foreign.Status));
    }

    [Theory]
    [InlineData("")]
    [InlineData("app.js")]
    [InlineData("api/meta")]
    [InlineData("api/entries")]
    [InlineData("api/entries/e-settle")]
    [InlineData("api/source?path=proddev%2F2018-03-05-chat.markdown&line=49")]
    [InlineData("api/nothing-here")]
    public async Task With_a_token_a_request_without_it_is_refused_before_anything_is_read(string path)
    {
        await using var server = await Start(Token);

        var (status, body) = await server.Send(HttpMethod.Get, path);

        Assert.Equal((401, "missing or wrong token"), (status, Error(body)));
    }

    [Theory]
    [InlineData("header", "wrong-token-wrong-token")]
    [InlineData("header", "a-long-enough-test-toke")]
    [InlineData("header", "a-long-enough-test-token-and-more")]
    [InlineData("header", "A-LONG-ENOUGH-TEST-TOKEN")]
    [InlineData("query", "wrong-token-wrong-token")]
    [InlineData("cookie", "wrong-token-wrong-token")]
    public async Task With_a_token_a_wrong_one_is_refused_wherever_it_is_carried(string carrier, string presented)
    {
        await using var server = await Start(Token);

        var (status, body) = await server.Send(HttpMethod.Get, carrier == "query" ? $"api/meta?token={presented}" : "api/meta", Carry(carrier, presented));

        Assert.Equal((401, "missing or wrong token"), (status, Error(body)));
    }

    [Theory]
    [InlineData("header")]
    [InlineData("query")]
    [InlineData("cookie")]
    public async Task With_a_token_the_right_one_is_accepted_in_the_header_the_query_or_the_cookie(string carrier)
    {
        await using var server = await Start(Token);

        var (status, meta) = await server.Send(HttpMethod.Get, carrier == "query" ? $"api/meta?token={Token}" : "api/meta", Carry(carrier, Token));

        Assert.Equal(200, status);
        Assert.Equal(2, meta.GetProperty("topics").GetArrayLength());
    }

    [Fact]
    public async Task The_page_opened_with_the_token_in_its_address_gets_it_as_a_strict_cookie_for_its_own_requests()
    {
        await using var server = await Start(Token);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = server.Address };

        using var page = await browser.GetAsync($"?token={Token}");
        using var script = await browser.GetAsync("app.js");
        using var meta = await browser.GetAsync("api/meta");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, script.StatusCode, meta.StatusCode));
        var setCookie = Assert.Single(page.Headers.GetValues("Set-Cookie"));
        Assert.Equal($"kb_token={Token}; path=/; samesite=strict; httponly", setCookie);
        Assert.Equal(Token, cookies.GetCookies(server.Address)["kb_token"]?.Value);
        // Requests that carried the token otherwise set no cookie.
        Assert.False(script.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task With_a_token_a_save_needs_it_and_still_needs_the_same_origin()
    {
        await using var server = await Start(Token);

        var without = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", content: Json(Approve));
        var crossOrigin = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", r =>
        {
            Carry("header", Token)(r);
            r.Headers.Add("Origin", "http://evil.example");
        }, Json(Approve));
        Assert.Equal((401, 403), (without.Status, crossOrigin.Status));
        Assert.Equal(1, (await server.Send(HttpMethod.Get, "api/entries/e-card", Carry("header", Token))).Body.GetProperty("version").GetInt32());

        var saved = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", Carry("header", Token), Json(Approve));

        Assert.Equal((200, "approved"), (saved.Status, saved.Body.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task With_a_token_on_loopback_the_Host_header_is_still_checked()
    {
        await using var server = await Start(Token);

        var (status, body) = await server.Send(HttpMethod.Get, "api/meta", r =>
        {
            Carry("header", Token)(r);
            r.Headers.Host = "evil.example";
        });

        Assert.Equal((400, "unexpected Host header"), (status, Error(body)));
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "https://127.0.0.1")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_save_from_another_origin_is_refused_and_changes_nothing(string header, string value)
    {
        await using var server = await Start();

        var (status, body) = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", r => r.Headers.Add(header, value), Json(Approve));

        Assert.Equal((403, "cross-origin request refused"), (status, Error(body)));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Fact]
    public async Task A_save_from_another_port_of_the_same_host_is_another_origin()
    {
        await using var server = await Start();

        var (status, _) = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", r => r.Headers.Add("Origin", $"http://127.0.0.1:{server.Address.Port + 1}"), Json(Approve));

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task The_Origin_header_decides_over_Sec_Fetch_Site()
    {
        await using var server = await Start();

        var (status, _) = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", r =>
        {
            r.Headers.Add("Origin", "http://evil.example");
            r.Headers.Add("Sec-Fetch-Site", "same-origin");
        }, Json(Approve));

        Assert.Equal(403, status);
    }

    [Theory]
    [InlineData("Origin", "{origin}")]
    [InlineData("Origin", "{ORIGIN}")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    public async Task A_save_from_the_page_s_own_origin_is_accepted(string header, string value)
    {
        await using var server = await Start();
        var origin = $"http://{server.Address.Authority}";
        value = value.Replace("{origin}", origin, StringComparison.Ordinal).Replace("{ORIGIN}", origin.ToUpperInvariant(), StringComparison.Ordinal);

        var (status, _) = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", r => r.Headers.Add(header, value), Json(Approve));

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task Only_GET_and_POST_are_served_so_no_preflight_is_ever_allowed(string method)
    {
        await using var server = await Start();

        using var request = new HttpRequestMessage(new HttpMethod(method), "api/entries/e-card/approve") { Content = Json(Approve) };
        request.Headers.Add("Origin", "http://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await server.Client.SendAsync(request);
        var body = await ReviewServerHost.Json(response);

        Assert.Equal((405, "only GET and POST"), ((int)response.StatusCode, Error(body)));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData(null)]
    public async Task A_save_whose_body_is_not_declared_JSON_is_refused_as_a_cross_site_form_could_send_it(string? type)
    {
        await using var server = await Start();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Approve));
        if (type is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        var (status, body) = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", content: content);

        Assert.Equal((415, "send application/json"), (status, Error(body)));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Theory]
    [InlineData("utf-7", "send application/json in UTF-8 (UTF-7 is not read)")]
    [InlineData("\"UTF-7\"", "send application/json in UTF-8 (UTF-7 is not read)")]
    [InlineData("csUnicode11UTF7", "send application/json in UTF-8 (UTF-7 is not read)")]
    [InlineData("klingon", "send application/json in UTF-8 (charset 'klingon' is unknown)")]
    public async Task A_save_in_a_charset_that_is_not_read_is_refused(string charset, string error)
    {
        await using var server = await Start();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Approve));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=" + charset);

        var (status, body) = await server.Send(HttpMethod.Post, "api/entries/e-card/approve", content: content);

        Assert.Equal((415, error), (status, Error(body)));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("\"utf-8\"")]
    [InlineData("UTF-16")]
    [InlineData("utf-16be")]
    [InlineData("gbk")]
    [InlineData("gb18030")]
    public async Task A_note_sent_in_a_charset_NET_decodes_is_saved_as_the_text_that_was_typed(string charset)
    {
        await using var server = await Start();
        const string note = """{"actor":"王五","version":1,"text":"轧差要看对账单"}""";
        var name = charset.Trim('"');
        var encoding = name.StartsWith("gb", StringComparison.Ordinal) ? CodePages(name) : Encoding.GetEncoding(name);
        var content = new ByteArrayContent(encoding.GetBytes(note));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=" + charset);

        var (status, body) = await server.Send(HttpMethod.Post, "api/entries/e-card/note", content: content);

        Assert.True(status == 200, $"{status}: {body}");
        var saved = Assert.Single(body.GetProperty("notes").EnumerateArray());
        Assert.Equal(("轧差要看对账单", "王五"), (saved.GetProperty("text").GetString(), saved.GetProperty("actor").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/meta")]
    [InlineData("api/entries/e-settle")]
    public async Task Every_answer_forbids_framing_sniffing_caching_referrers_and_foreign_scripts(string path)
    {
        await using var server = await Start();

        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    private Task<ReviewServerHost> Start(string? token = null) =>
        ReviewServerHost.StartAsync(segmenters.Segmenter, options => options with { Token = token });

    private static Action<HttpRequestMessage> Carry(string carrier, string token) => carrier switch
    {
        "header" => r => r.Headers.Add("X-KB-Token", token),
        "cookie" => r => r.Headers.Add("Cookie", "kb_token=" + token),
        _ => _ => { },
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string? Error(JsonElement body) => body.GetProperty("error").GetString();

    // The test's own encoder for GBK bodies; the server must not depend on anyone having registered code pages before.
    private static Encoding CodePages(string name) => CodePagesEncodingProvider.Instance.GetEncoding(name)!;
}
