using System.Net;
using System.Net.Http.Headers;

namespace Outbound.Web.Tests.Quality;

/// <summary>The recording stream: campaign and tenant isolation, range requests, clients kept out, and a missing file.</summary>
public sealed class RecordingAccessTests(QualityWebFactory app) : IClassFixture<QualityWebFactory>
{
    private static string Url(Guid call) => $"/quality/recordings/{call}";

    [Fact]
    public async Task A_qa_streams_a_recording_of_their_campaign_in_ranges_but_gets_404_for_another_campaigns()
    {
        var qa = await app.SignedInAs("qa2@demo.local");
        var whole = await qa.GetAsync(Url(app.BankCall));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString((await whole.Content.ReadAsByteArrayAsync())[..4]));

        var request = new HttpRequestMessage(HttpMethod.Get, Url(app.BankCall));
        request.Headers.Range = new RangeHeaderValue(44, 143);
        var part = await qa.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(100, (await part.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(44, part.Content.Headers.ContentRange?.From);

        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync(Url(app.PowerCall))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync($"/Quality/Score?call={app.PowerCall}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync(Url(Guid.NewGuid()))).StatusCode);
    }

    [Fact]
    public async Task A_client_never_reaches_a_recording_not_even_of_its_own_campaign()
    {
        var client = await app.SignedInAs("client@demo-bank.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(app.BankCall))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/Quality")).StatusCode);
        var anonymous = app.CreateClient(new() { BaseAddress = new Uri(app.Address), AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(Url(app.BankCall))).StatusCode);
    }

    [Fact]
    public async Task An_agent_hears_only_their_own_evaluated_calls_and_no_directory_path_is_served()
    {
        var agent = await app.SignedInAs("agent2@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(Url(app.BankCall))).StatusCode);
        var owner = await app.SignedInAs("agent1@demo.local");
        // Not evaluated yet: even the call's own agent does not get it.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Url(app.BankCall))).StatusCode);
        var qa = await app.SignedInAs("qa2@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await qa.GetAsync("/quality/recordings/..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    [Fact]
    public async Task A_recording_missing_on_disk_says_recording_missing_instead_of_failing()
    {
        var qa = await app.SignedInAs("qa2@demo.local");
        var response = await qa.GetAsync(Url(app.MissingCall));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("录音缺失", await response.Content.ReadAsStringAsync());
        var page = await qa.GetPageAsync($"/Quality/Score?call={app.MissingCall}");
        Assert.Contains("录音缺失", page);
        Assert.DoesNotContain("<audio", page);
    }
}
