using System.Text;
using KnowledgeBase.Core.Curation;

namespace KnowledgeBase.Web.Tests;

/// <summary>The server as <c>kb serve</c> builds it: its options checked, its address, and an error for every refusal.</summary>
[Collection(ReviewServerCollectionDefinition.Name)]
public sealed class ReviewServerTests(SegmenterFixture segmenters)
{
    [Theory]
    [InlineData("GET", "api/nothing-here", 404, "no such address")]
    [InlineData("GET", "api/entries/e-settle/history", 404, "no such address")]
    [InlineData("GET", "api/entries/e-settle/approve", 405, "this address does not take GET")]
    [InlineData("POST", "api/meta", 405, "this address does not take POST")]
    [InlineData("POST", "api/entries/e-settle", 405, "this address does not take POST")]
    [InlineData("POST", "api/entries/e-settle/publish", 404, "no such address")]
    public async Task A_refusal_the_framework_answers_carries_an_error_for_a_person(string method, string path, int expected, string error)
    {
        await using var server = await Start();

        var (status, body) = await server.Send(new HttpMethod(method), path, content: method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null);

        Assert.Equal((expected, error), (status, body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_an_error_and_saves_nothing()
    {
        await using var server = await Start();
        // Kestrel's limit is 30,000,000 bytes. The client waits for the server's go-ahead before it sends the body (as
        // curl does for a large one), so it reads the refusal instead of failing on a connection the server closed.
        var content = new ByteArrayContent(new byte[30_000_001]);
        content.Headers.ContentType = new("application/json");

        var (status, body) = await server.Send(HttpMethod.Post, "api/entries/e-card/note", r => r.Headers.ExpectContinue = true, content);

        Assert.Equal((413, "the request body is too large"), (status, body.GetProperty("error").GetString()));
        Assert.Equal(1, await server.Version("e-card"));
    }

    [Theory]
    [InlineData("example.org", "--host must be an IP address or localhost, not 'example.org'")]
    [InlineData("0.0.0.0", "binding 0.0.0.0 exposes the review page beyond this machine: give --token <secret> (every request must then carry it)")]
    [InlineData("[::1]:6000", "--host takes an address without a port, not '[::1]:6000': give the port with --port")]
    [InlineData("::ffff:127.0.0.1", "--host ::ffff:127.0.0.1 is an IPv4 address written as IPv6, which cannot be bound: give 127.0.0.1")]
    public void Options_that_cannot_be_served_are_refused_before_anything_listens(string host, string problem)
    {
        var options = new ReviewServerOptions(new CurationStoreOptions(Path.Combine(Path.GetTempPath(), $"kb-web-{Guid.NewGuid():N}.db"))) { Host = host };

        var refused = Assert.Throws<ArgumentException>(() => ReviewServer.Create(options));

        Assert.StartsWith(problem, refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(options.Store.DatabasePath));
    }

    [Fact]
    public async Task Reports_the_port_it_was_given_when_asked_for_any()
    {
        await using var server = await Start();

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.NotEqual(0, server.Address.Port);
        Assert.Equal($"http://127.0.0.1:{server.Address.Port}/", ReviewServer.PageUrl(server.App, server.Options));
    }

    [Fact]
    public async Task The_page_address_carries_the_token_so_the_person_who_opens_it_is_let_in()
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter, options => options with { Token = "a long+enough/test&token" });

        var url = ReviewServer.PageUrl(server.App, server.Options);

        Assert.Equal($"http://127.0.0.1:{server.Address.Port}/?token=a%20long%2Benough%2Ftest%26token", url);
        using var response = await server.Client.GetAsync(new Uri(url));
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Ipv6LoopbackTheory]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("0:0:0:0:0:0:0:1")]
    public async Task On_the_IPv6_loopback_address_it_serves_the_page_and_the_API_without_a_token(string host)
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter, options => options with { Host = host });

        using var page = await server.Client.GetAsync(new Uri("", UriKind.Relative));
        var (listed, list) = await server.GetJson("api/entries");
        // A save from the page as a browser sends it: with the page's origin, which for IPv6 is written in brackets.
        var (saved, _) = await server.Send(
            HttpMethod.Post,
            "api/entries/e-card/approve",
            r => r.Headers.Add("Origin", $"http://[::1]:{server.Address.Port}"),
            new StringContent("""{"actor":"alice","version":1}""", Encoding.UTF8, "application/json"));

        Assert.True(server.Options.IsLoopback);
        Assert.Null(server.Options.Token);
        Assert.Equal("[::1]", server.Address.Host);
        Assert.Equal($"http://[::1]:{server.Address.Port}/", ReviewServer.PageUrl(server.App, server.Options));
        Assert.Equal((200, "text/html"), ((int)page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Equal((200, 4), (listed, list.GetProperty("total").GetInt32()));
        Assert.Equal(200, saved);
        Assert.Equal(2, await server.Version("e-card"));
    }

    [Theory]
    [InlineData("127.000.000.002", "127.0.0.2")]
    [InlineData("127.1", "127.0.0.1")]
    public async Task A_loopback_address_written_another_way_serves_the_address_it_prints(string host, string printed)
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter, options => options with { Host = host });

        var (status, body) = await server.GetJson("api/meta");
        var foreign = await server.Send(HttpMethod.Get, "api/meta", r => r.Headers.Host = "evil.example");

        Assert.Equal(printed, server.Address.Host);
        Assert.True(status == 200, $"{status} {body}");
        Assert.Equal(400, foreign.Status);
    }

    [Ipv6LoopbackTheory]
    [InlineData("::1")]
    [InlineData("[::1]")]
    public async Task On_the_IPv6_loopback_address_a_foreign_Host_header_is_still_refused(string host)
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter, options => options with { Host = host });

        var (status, body) = await server.Send(HttpMethod.Get, "api/meta", r => r.Headers.Host = "evil.example");

        Assert.Equal((400, "unexpected Host header"), (status, body.GetProperty("error").GetString()));
    }

    private Task<ReviewServerHost> Start() => ReviewServerHost.StartAsync(segmenters.Segmenter);
}
