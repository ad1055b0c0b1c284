using System.Net;
using System.Text;
using System.Text.Json;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Security;

/// <summary>
/// A SignalR connection belongs to the user who negotiated it: another signed-in user who learns its id can neither
/// send on it nor read from it, and the id never reaches the log.
/// </summary>
public sealed class HubConnectionOwnerTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    private const char RecordSeparator = '\u001e';

    private static StringContent Message(string json) => new(json + RecordSeparator, Encoding.UTF8, "text/plain");

    [Fact]
    public async Task Another_user_cannot_send_on_or_poll_a_long_polling_connection_and_its_id_stays_out_of_the_log()
    {
        var (owner, _) = await factory.SignInAsync(DeskWebFactory.Agent);
        var (intruder, _) = await factory.SignInAsync(DeskWebFactory.SurveyAgent);
        var path = AgentDeskHub.Path;

        var negotiation = await owner.Client.PostAsync($"{path}/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiation.StatusCode);
        var token = JsonDocument.Parse(await negotiation.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString()!;

        // The owner opens the long-polling connection and completes the handshake, as the JS client does.
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"{path}?id={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync($"{path}?id={token}", Message("""{"protocol":"json","version":1}"""))).StatusCode);
        Assert.Contains("{}", await (await owner.Client.GetAsync($"{path}?id={token}")).Content.ReadAsStringAsync());

        // Someone else with the id: not a connection of theirs.
        var invoke = Message("""{"type":1,"invocationId":"1","target":"Current","arguments":[]}""");
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.PostAsync($"{path}?id={token}", invoke)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.GetAsync($"{path}?id={token}")).StatusCode);

        // The owner's own calls still work on it.
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PostAsync($"{path}?id={token}", Message("""{"type":1,"invocationId":"2","target":"Current","arguments":[]}"""))).StatusCode);
        Assert.Contains("\"invocationId\":\"2\"", await (await owner.Client.GetAsync($"{path}?id={token}")).Content.ReadAsStringAsync());

        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_connection_id_this_server_never_handed_out_is_not_found()
    {
        var (agent, _) = await factory.SignInAsync(DeskWebFactory.Agent);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync($"{AgentDeskHub.Path}?id={Guid.NewGuid():N}")).StatusCode);
    }
}
