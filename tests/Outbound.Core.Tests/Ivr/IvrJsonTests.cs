using System.Text.Json;
using Outbound.Core.Ivr;

namespace Outbound.Core.Tests.Ivr;

public sealed class IvrJsonTests
{
    [Fact]
    public void A_tree_survives_a_json_round_trip_and_still_routes_the_same_way()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.Serialize(IvrTrees.Hotline, options);
        Assert.Contains("\"do\":\"queue\"", json);
        var back = JsonSerializer.Deserialize<IvrTree>(json, options)!;
        Assert.Empty(IvrValidator.Validate(back));
        var (_, session) = IvrSession.Start(back);
        (_, session) = session.Press('2');
        var (step, _) = session.Press('2');
        Assert.Equal("billing", Assert.IsType<IvrStep.ToQueue>(step).Skill);
    }
}
