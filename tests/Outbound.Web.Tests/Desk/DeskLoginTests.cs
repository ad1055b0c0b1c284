using Microsoft.AspNetCore.SignalR.Client;
using Outbound.Web.Areas.Desk;
using Outbound.Web.Tests.Support;

namespace Outbound.Web.Tests.Desk;

public sealed class DeskLoginTests(DeskWebFactory factory) : IClassFixture<DeskWebFactory>
{
    [Fact]
    public async Task Logging_in_while_already_logged_in_answers_already_logged_in_and_keeps_the_session()
    {
        await using var desk = await DeskClient.ConnectAsync(factory, DeskWebFactory.Agent);
        Assert.Null(await desk.Hub.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));
        await desk.States.WaitFor(s => s.State == "not_ready", TimeSpan.FromSeconds(30));

        Assert.Equal(DeskTexts.AlreadyLoggedIn.Zh, await desk.Hub.InvokeAsync<string?>("Login", factory.DeskCampaign.Value));
        Assert.Null(await desk.Hub.InvokeAsync<string?>("Ready"));
        await desk.States.WaitFor(s => s.State == "ready", TimeSpan.FromSeconds(30));
        await desk.Hub.InvokeAsync<string?>("Logout");
    }
}
