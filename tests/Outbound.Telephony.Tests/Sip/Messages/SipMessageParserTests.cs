using System.Text;
using Outbound.Telephony.Sip.Messages;

namespace Outbound.Telephony.Tests.Sip.Messages;

public sealed class SipMessageParserTests
{
    public static TheoryData<string> ValidNames => TortureVectors.Names("valid");
    public static TheoryData<string> InvalidNames => TortureVectors.Names("invalid");

    [Theory]
    [MemberData(nameof(ValidNames))]
    public void Valid_torture_message_parses_and_survives_a_round_trip(string name)
    {
        var result = SipMessageParser.Parse(TortureVectors.Load("valid", name));

        Assert.True(result.Success, result.Error?.Reason);
        var again = SipMessageParser.Parse(result.Message.ToBytes());
        Assert.True(again.Success, again.Error?.Reason);
        Assert.Equal(result.Message.CallId, again.Message.CallId);
        Assert.Equal(result.Message.Body, again.Message.Body);
        Assert.Equal(result.Message.Vias.Count, again.Message.Vias.Count);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void Invalid_torture_message_is_rejected_with_a_reason(string name)
    {
        var result = SipMessageParser.Parse(TortureVectors.Load("invalid", name));

        Assert.False(result.Success, $"{name} was accepted");
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Reason));
    }

    [Fact]
    public void Short_tortuous_invite_reads_folded_compact_and_oddly_spaced_headers()
    {
        var request = Assert.IsType<SipRequest>(SipMessageParser.Parse(TortureVectors.Load("valid", "wsinv")).Message);

        Assert.Equal("INVITE", request.Method);
        Assert.Equal("vivekg", request.Uri.User);
        Assert.True(request.Uri.Parameters.Contains("unknownparam"));
        Assert.Equal("1918181833n", request.To.Tag);
        Assert.Equal("98asjd8", request.From.Tag);
        Assert.Equal("J Rosenberg \\\"", request.From.DisplayName);
        Assert.Equal(68, request.MaxForwards);
        Assert.Equal(new CSeqHeader(9, "INVITE"), request.CSeq);
        Assert.Equal(["UDP", "TCP", "UDP"], request.Vias.Select(v => v.Transport));
        Assert.Equal("z9hG4bK30239", request.Vias[2].Branch);
        Assert.Equal("192.168.255.111", request.Vias[2].Host);
        var contact = Assert.Single(request.Contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("0.33", contact.Parameters["q"]);
        Assert.Equal("newvalue", contact.Parameters["newparam"]);
        Assert.Equal("newfangled value continued newfangled value", request.Headers["NewFangledHeader"]);
        Assert.Equal(150, request.Body.Length);
    }

    [Fact]
    public void Extra_octets_after_content_length_in_a_datagram_are_ignored()
    {
        var message = SipMessageParser.Parse(TortureVectors.Load("valid", "dblreq")).Message!;

        Assert.Equal("REGISTER", ((SipRequest)message).Method);
        Assert.Empty(message.Body);
    }

    [Fact]
    public void Semicolons_in_the_user_part_stay_in_the_user()
    {
        var request = (SipRequest)SipMessageParser.Parse(TortureVectors.Load("valid", "semiuri")).Message!;

        Assert.Equal("user;par=u%40example.net", request.Uri.User);
        Assert.Equal("example.com", request.Uri.Host);
        Assert.Equal(6, request.Headers.GetAll("Accept").Count);
    }

    [Fact]
    public void Empty_reason_phrase_is_accepted()
    {
        var response = Assert.IsType<SipResponse>(SipMessageParser.Parse(TortureVectors.Load("valid", "noreason")).Message);

        Assert.Equal(100, response.StatusCode);
        Assert.Equal(string.Empty, response.Reason);
    }

    [Fact]
    public void Unknown_methods_and_unusual_characters_parse()
    {
        var request = (SipRequest)SipMessageParser.Parse(TortureVectors.Load("valid", "intmeth")).Message!;

        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", request.Method);
        Assert.Equal("_token~1'+`*%!-.", request.From.Tag);
        Assert.Equal("работающий", request.From.Parameters["fromParam''~+*_!.-%"]);
    }

    [Fact]
    public void Unfinished_request_is_a_parse_error_not_an_exception()
    {
        var result = SipMessageParser.Parse(Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"));

        Assert.False(result.Success);
        Assert.Contains("end of header", result.Error.Reason);
    }

    [Fact]
    public void Random_corruption_of_valid_messages_never_throws()
    {
        var random = new Random(4475);
        foreach (var name in TortureVectors.List("valid"))
        {
            var original = TortureVectors.Load("valid", name);
            for (var i = 0; i < 300; i++)
            {
                var copy = (byte[])original.Clone();
                for (var k = 0; k < 1 + random.Next(6); k++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
                var cut = copy.AsSpan(0, random.Next(copy.Length + 1));
                var result = SipMessageParser.Parse(cut);
                Assert.True(result.Success || result.Error is not null);
            }
        }
    }

    [Fact]
    public void Serialised_request_reads_back_with_compact_names_expanded_and_length_fixed()
    {
        var wire = "OPTIONS sip:trunk@127.0.0.1:5080 SIP/2.0\r\nv: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx1\r\nf: <sip:a@b>;tag=1\r\n"
                   + "t: <sip:trunk@127.0.0.1>\r\ni: abc@h\r\nCSeq: 1 OPTIONS\r\nl: 3\r\n\r\nabc";
        var message = SipMessageParser.Parse(Encoding.ASCII.GetBytes(wire)).Message!;
        message.Body = "abcdef"u8.ToArray();

        var text = Encoding.ASCII.GetString(message.ToBytes());

        Assert.Contains("\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx1\r\n", text);
        Assert.Contains("\r\nCall-ID: abc@h\r\n", text);
        Assert.Contains("\r\nContent-Length: 6\r\n\r\nabcdef", text);
    }
}
