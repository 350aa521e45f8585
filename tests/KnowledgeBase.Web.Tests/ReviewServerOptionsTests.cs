using KnowledgeBase.Core.Curation;

namespace KnowledgeBase.Web.Tests;

/// <summary>Which addresses, ports and tokens <c>kb serve</c> accepts before it binds anything.</summary>
public sealed class ReviewServerOptionsTests
{
    private static readonly CurationStoreOptions Store = new(Path.Combine(Path.GetTempPath(), "kb-web-never.db"));

    [Theory]
    [InlineData("127.0.0.1", null)]
    [InlineData("localhost", null)]
    [InlineData("::1", null)]
    [InlineData("[::1]", null)]
    [InlineData("0:0:0:0:0:0:0:1", null)]
    [InlineData("127.0.0.2", null)]
    [InlineData("127.000.000.002", null)]
    [InlineData("0.0.0.0", "a-long-enough-test-token")]
    [InlineData("192.168.1.20", "a-long-enough-test-token")]
    [InlineData("127.0.0.1", "a-long-enough-test-token")]
    public void Loopback_needs_no_token_and_any_other_address_one_of_at_least_sixteen_characters(string host, string? token)
    {
        var options = new ReviewServerOptions(Store) { Host = host, Token = token };

        Assert.Null(options.Problem());
    }

    [Theory]
    [InlineData("0.0.0.0", null, 5080, "binding 0.0.0.0 exposes the review page beyond this machine: give --token <secret> (every request must then carry it)")]
    [InlineData("::", "", 5080, "binding :: exposes the review page beyond this machine: give --token <secret> (every request must then carry it)")]
    [InlineData("192.168.1.20", "short-token", 5080, "--token must be at least 16 characters")]
    [InlineData("127.0.0.1", "short-token", 5080, "--token must be at least 16 characters")]
    [InlineData("example.org", null, 5080, "--host must be an IP address or localhost, not 'example.org'")]
    [InlineData("[127.0.0.1]", null, 5080, "--host must be an IP address or localhost, not '[127.0.0.1]'")]
    [InlineData("[::1", null, 5080, "--host must be an IP address or localhost, not '[::1'")]
    [InlineData("[[::1]]", null, 5080, "--host must be an IP address or localhost, not '[[::1]]'")]
    [InlineData("[::1]:5080", null, 5080, "--host takes an address without a port, not '[::1]:5080': give the port with --port")]
    [InlineData("127.0.0.1:6000", null, 5080, "--host takes an address without a port, not '127.0.0.1:6000': give the port with --port")]
    [InlineData("::ffff:127.0.0.1", null, 5080, "--host ::ffff:127.0.0.1 is an IPv4 address written as IPv6, which cannot be bound: give 127.0.0.1")]
    [InlineData("[::ffff:192.168.1.20]", "a-long-enough-test-token", 5080, "--host [::ffff:192.168.1.20] is an IPv4 address written as IPv6, which cannot be bound: give 192.168.1.20")]
    [InlineData("127.0.0.1", null, -1, "--port must be between 0 and 65535, not -1")]
    [InlineData("127.0.0.1", null, 65536, "--port must be between 0 and 65535, not 65536")]
    public void Options_that_cannot_be_served_say_why(string host, string? token, int port, string problem)
    {
        var options = new ReviewServerOptions(Store) { Host = host, Token = token, Port = port };

        Assert.Equal(problem, options.Problem());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("0:0:0:0:0:0:0:1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("[::]", false)]
    [InlineData("[::1]:5080", false)]
    [InlineData("10.0.0.1", false)]
    public void Knows_a_loopback_address(string host, bool loopback)
    {
        Assert.Equal(loopback, new ReviewServerOptions(Store) { Host = host }.IsLoopback);
    }
}
