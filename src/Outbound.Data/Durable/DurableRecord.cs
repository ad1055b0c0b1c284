using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Outbound.Data.Desk;
using Outbound.Data.Dialing;

namespace Outbound.Data.Durable;

/// <summary>
/// Something the dialer must not lose: a call's record, its progress, an inbound call, an agent's session and state
/// changes. All of them go through <see cref="DurableWriter"/>, in the order they happened. Each one writes itself as
/// statements that are idempotent — applying it twice (a replay after a crash between writing and forgetting it)
/// leaves the database as applying it once — so a record is never written twice.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CallFinished), "call_finished")]
[JsonDerivedType(typeof(CallProgressed), "call_progressed")]
[JsonDerivedType(typeof(CallNotPlaced), "call_not_placed")]
[JsonDerivedType(typeof(InboundCallArrived), "inbound_arrived")]
[JsonDerivedType(typeof(InboundCallConnected), "inbound_connected")]
[JsonDerivedType(typeof(InboundCallEnded), "inbound_ended")]
[JsonDerivedType(typeof(AgentSessionStarted), "agent_session_started")]
[JsonDerivedType(typeof(AgentStateRecorded), "agent_state")]
[JsonDerivedType(typeof(AgentSessionEnded), "agent_session_ended")]
[JsonDerivedType(typeof(InternalCallRecorded), "internal_call")]
public abstract record DurableRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Adds the statements that apply this record to <paramref name="batch"/> (one transaction per batch).</summary>
    internal abstract void AddTo(NpgsqlBatch batch);

    public static string Serialize(DurableRecord record) => JsonSerializer.Serialize(record, Json);

    public static DurableRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<DurableRecord>(json, Json) ?? throw new InvalidDataException("An empty outbox record.");
}
