using System.Net;
using Microsoft.Extensions.Time.Testing;
using Outbound.Telephony.Sip.Auth;
using Outbound.Telephony.Sip.Messages;
using Outbound.Telephony.Sip.Transport;
using Outbound.Telephony.Sip.UserAgents;

namespace Outbound.Telephony.Tests.Sip.UserAgents;

/// <summary>The registrar driven through a real loopback stack on a fake clock.</summary>
public sealed class SipRegistrarTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-26T08:00:00Z"));
    private SipStack _server = null!;
    private SipStack _phone = null!;
    private SipRegistrar _registrar = null!;
    private long _seq;
    private readonly string _callId = SipIds.CallId();

    public Task InitializeAsync()
    {
        _server = NewStack();
        _phone = NewStack();
        _registrar = new SipRegistrar(new DigestServer("outbound", _time, u => u == "agent7" ? "pw7" : null), _time,
            new RegistrarOptions(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1), TimeSpan.FromHours(1)));
        _server.RequestReceived = _registrar.Handle;
        return Task.CompletedTask;
    }

    private SipStack NewStack()
    {
        var transport = new SipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transport.Start();
        return new SipStack(transport, _time);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _phone.DisposeAsync();
    }

    private async Task<SipResponse> RegisterAsync(string user, string password, string? contact, string? expires)
    {
        var request = NewRegister(user, contact, expires);
        var response = await SendAsync(request);
        if (response.StatusCode != 401) return response;
        var retry = NewRegister(user, contact, expires);
        Assert.True(new DigestClient(new SipCredentials(user, password)).TryAuthorize(response, retry));
        return await SendAsync(retry);
    }

    private SipRequest NewRegister(string user, string? contact, string? expires)
    {
        var request = new SipRequest { Method = "REGISTER", Uri = SipUri.Create(null, "127.0.0.1", _server.Port) };
        request.Headers.Add("Via", _phone.NewVia(SipTransportKind.Udp)).Add("Max-Forwards", "70")
            .Add("From", $"<sip:{user}@127.0.0.1>;tag=ph1").Add("To", $"<sip:{user}@127.0.0.1>")
            .Add("Call-ID", _callId).Add("CSeq", $"{Interlocked.Increment(ref _seq)} REGISTER");
        if (contact is not null) request.Headers.Add("Contact", contact);
        if (expires is not null) request.Headers.Add("Expires", expires);
        return request;
    }

    private Task<SipResponse> SendAsync(SipRequest request)
    {
        var done = new TaskCompletionSource<SipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _phone.Transactions.StartNonInvite(request, new SipEndPoint(SipTransportKind.Udp, _server.Transport.LocalEndPoint),
            r => { if (!r.IsProvisional) done.TrySetResult(r); }, e => done.TrySetException(new IOException(e.ToString())));
        return done.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Register_binds_the_contact_and_the_source_address_until_it_expires()
    {
        var response = await RegisterAsync("agent7", "pw7", "<sip:agent7@10.9.8.7:5062>", "120");

        Assert.Equal(200, response.StatusCode);
        var binding = Assert.Single(_registrar.Lookup("agent7"));
        Assert.Equal("10.9.8.7", binding.Contact.Host);
        Assert.Equal(_phone.Transport.LocalEndPoint, binding.Source.Address);
        Assert.Equal("120", Assert.Single(response.Contacts).Parameters["expires"]);
        Assert.Equal(binding, Assert.Single(_registrar.Live()));

        _time.Advance(TimeSpan.FromSeconds(121));
        Assert.Empty(_registrar.Lookup("agent7"));
        Assert.Empty(_registrar.Live());
    }

    [Fact]
    public async Task Too_brief_expiry_gets_423_with_min_expires()
    {
        var response = await RegisterAsync("agent7", "pw7", "<sip:agent7@127.0.0.1:5062>", "10");

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers["Min-Expires"]);
        Assert.Empty(_registrar.Lookup("agent7"));
    }

    [Fact]
    public async Task Star_with_expires_zero_removes_every_binding()
    {
        await RegisterAsync("agent7", "pw7", "<sip:agent7@127.0.0.1:5062>", "300");
        await RegisterAsync("agent7", "pw7", "<sip:agent7@127.0.0.1:5064>", "300");
        Assert.Equal(2, _registrar.Lookup("agent7").Count);

        var response = await RegisterAsync("agent7", "pw7", "*", "0");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(_registrar.Lookup("agent7"));
    }

    [Fact]
    public async Task Star_without_expires_zero_is_a_bad_request()
    {
        var response = await RegisterAsync("agent7", "pw7", "*", "300");

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_forbidden_and_binds_nothing()
    {
        var response = await RegisterAsync("agent7", "guess", "<sip:agent7@127.0.0.1:5062>", "300");

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_registrar.Lookup("agent7"));
    }

    [Fact]
    public async Task An_agent_cannot_register_someone_elses_address()
    {
        var request = NewRegister("agent8", "<sip:agent8@127.0.0.1:5062>", "300");
        var challenge = await SendAsync(request);
        var retry = NewRegister("agent8", "<sip:agent8@127.0.0.1:5062>", "300");
        var fields = DigestFields.Parse(challenge.Headers.GetAll("WWW-Authenticate")[1])!;
        retry.Headers.Add("Authorization", new DigestClient(new SipCredentials("agent7", "pw7")).BuildAuthorization(fields, "REGISTER", retry.Uri.ToString()));

        var response = await SendAsync(retry);

        Assert.Equal(403, response.StatusCode);
        Assert.Empty(_registrar.Lookup("agent8"));
    }

    [Fact]
    public async Task Contacts_beyond_the_limit_per_address_of_record_get_503_and_a_refresh_of_one_still_works()
    {
        for (var port = 5062; port < 5062 + 2 * 10; port += 2)
            Assert.Equal(200, (await RegisterAsync("agent7", "pw7", $"<sip:agent7@127.0.0.1:{port}>", "300")).StatusCode);

        var eleventh = await RegisterAsync("agent7", "pw7", "<sip:agent7@127.0.0.1:6000>", "300");
        var refresh = await RegisterAsync("agent7", "pw7", "<sip:agent7@127.0.0.1:5062>", "600");

        Assert.Equal(503, eleventh.StatusCode);
        Assert.NotNull(eleventh.Headers["Retry-After"]);
        Assert.Equal(200, refresh.StatusCode);
        Assert.Equal(10, _registrar.Lookup("agent7").Count);
    }
}
