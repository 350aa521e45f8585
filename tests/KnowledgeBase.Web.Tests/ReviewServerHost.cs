using System.Text;
using System.Text.Json;
using KnowledgeBase.Core.Curation;
using KnowledgeBase.Core.Domain;
using KnowledgeBase.Core.Export;
using KnowledgeBase.Core.Segmentation;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeBase.Web.Tests;

/// <summary>
/// The real review server (Kestrel, as <c>kb serve</c> runs it) on 127.0.0.1 with a port the system picks, over a
/// fresh store holding the browser test's fixture (<c>Fixture/faq.json</c>: four entries in two topics), with the
/// fixture's chat files as its input folder. Each test gets its own folder, store and server.
/// </summary>
internal sealed class ReviewServerHost : IAsyncDisposable
{
    /// <summary>The entry ids of the fixture, highest confidence first.</summary>
    public static readonly string[] FixtureIds = ["e-settle", "e-license", "e-refund", "e-card"];

    private ReviewServerHost(string directory, ReviewServerOptions options, WebApplication app, Uri address)
    {
        Folder = directory;
        Options = options;
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>The test's folder: the store, and the input folder under <c>input/</c>.</summary>
    public string Folder { get; }

    /// <summary>The started application.</summary>
    public WebApplication App { get; }

    /// <summary>The options the server was created with.</summary>
    public ReviewServerOptions Options { get; }

    /// <summary>Where the server listens, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client for <see cref="Address"/> that sends no token, cookie, Origin or Sec-Fetch header of its own.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts a server over a new store with the fixture merged in, as a first <c>kb build</c> leaves it.</summary>
    /// <param name="segmenter">The project's segmenter, for search tokens and splits as <c>kb serve</c> has them.</param>
    /// <param name="configure">Changes to the options (a token, no input folder).</param>
    public static async Task<ReviewServerHost> StartAsync(ChineseSegmenter segmenter, Func<ReviewServerOptions, ReviewServerOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "kb-web-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(directory, "input");
        FolderCopy(Path.Combine(AppContext.BaseDirectory, "Fixture", "corpus"), input);
        var store = CurationStoreOptions.WithSegmenter(Path.Combine(directory, "kb.db"), segmenter);
        using (var build = new CurationStore(store))
        {
            build.MergeBuild(Fixture());
        }

        // As kb serve opens it: an existing store, checked for damage first.
        var options = new ReviewServerOptions(store with { CreateWhenMissing = false, CheckIntegrity = true })
        {
            Port = 0,
            InputRoot = input,
        };
        options = configure?.Invoke(options) ?? options;
        try
        {
            var app = ReviewServer.Create(options);
            await app.StartAsync();
            var address = new Uri(ReviewServer.Addresses(app).Single() + "/");
            return new ReviewServerHost(directory, options, app, address);
        }
        catch
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>The fixture's build, as <c>kb build</c> would write it to faq.json.</summary>
    public static KnowledgeBaseDocument Fixture() =>
        new FaqJsonReader().ReadFile(Path.Combine(AppContext.BaseDirectory, "Fixture", "faq.json"));

    /// <summary>Merges a later build into the served store, as <c>kb build</c> does while the page is open.</summary>
    public CurationMergeResult MergeBuild(KnowledgeBaseDocument build)
    {
        using var store = new CurationStore(Options.Store);
        return store.MergeBuild(build);
    }

    /// <summary>GETs a path and returns the status and the parsed JSON body.</summary>
    public async Task<(int Status, JsonElement Body)> GetJson(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await Json(response));
    }

    /// <summary>POSTs a JSON body (as text, so a test can send broken JSON) and returns the status and the parsed JSON body.</summary>
    public async Task<(int Status, JsonElement Body)> PostJson(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(path, content);
        return ((int)response.StatusCode, await Json(response));
    }

    /// <summary>Sends a request with the headers a test sets, and returns the status and the parsed JSON body.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The path and query, relative to <see cref="Address"/>.</param>
    /// <param name="headers">Sets headers on the request (Host, Origin, the token); the content's type is set on <paramref name="content"/>.</param>
    /// <param name="content">The body, or <see langword="null"/>.</param>
    public async Task<(int Status, JsonElement Body)> Send(HttpMethod method, string path, Action<HttpRequestMessage>? headers = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        headers?.Invoke(request);
        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await Json(response));
    }

    /// <summary>POSTs an action on an entry as the page does: the reviewer, the version they saw and the action's fields.</summary>
    public Task<(int Status, JsonElement Body)> Act(string id, string action, int version, object? fields = null)
    {
        var body = new Dictionary<string, object?> { ["actor"] = "alice", ["version"] = version };
        foreach (var property in fields?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(fields);
        }

        return PostJson($"api/entries/{id}/{action}", JsonSerializer.Serialize(body));
    }

    /// <summary>The entry as the API shows it now (asserts it is there).</summary>
    public async Task<JsonElement> Entry(string id)
    {
        var (status, body) = await GetJson("api/entries/" + Uri.EscapeDataString(id));
        Assert.True(status == 200, $"GET {id}: {status} {body}");
        return body;
    }

    /// <summary>The version of an entry as the API shows it now.</summary>
    public async Task<int> Version(string id) => (await Entry(id)).GetProperty("version").GetInt32();

    /// <summary>Reads a response body as JSON, or fails the test with what came instead.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.Content.Headers.ContentType?.MediaType == "application/json",
            $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: expected JSON, got {response.Content.Headers.ContentType}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        // The server's store leaves its pooled connections open until the pool is cleared.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static void FolderCopy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
