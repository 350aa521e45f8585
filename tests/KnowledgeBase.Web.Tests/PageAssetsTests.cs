namespace KnowledgeBase.Web.Tests;

/// <summary>The page's three files, served from the copies embedded in the assembly.</summary>
[Collection(ReviewServerCollectionDefinition.Name)]
public sealed class PageAssetsTests(SegmenterFixture segmenters)
{
    [Theory]
    [InlineData("", "index.html", "text/html; charset=utf-8")]
    [InlineData("app.js", "app.js", "text/javascript; charset=utf-8")]
    [InlineData("app.css", "app.css", "text/css; charset=utf-8")]
    public async Task Serves_each_page_file_as_written_with_its_type(string route, string file, string type)
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter);

        using var response = await server.Client.GetAsync(route);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Page", file)), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("", "text/html; charset=utf-8")]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("api/meta", "application/json; charset=utf-8")]
    [InlineData("api/entries?limit=1", "application/json; charset=utf-8")]
    public async Task A_head_request_is_answered_as_a_get_without_the_body(string route, string type)
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter);

        using var get = await server.Client.GetAsync(route);
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));

        Assert.Equal((200, 200), ((int)get.StatusCode, (int)head.StatusCode));
        Assert.Equal(type, head.Content.Headers.ContentType?.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("wwwroot/app.js")]
    [InlineData("app.js.map")]
    [InlineData("KnowledgeBase.Web.dll")]
    public async Task Serves_no_other_file(string route)
    {
        await using var server = await ReviewServerHost.StartAsync(segmenters.Segmenter);

        var (status, body) = await server.GetJson(route);

        Assert.Equal((404, "no such address"), (status, body.GetProperty("error").GetString()));
    }
}
