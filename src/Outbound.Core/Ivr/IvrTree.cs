using System.Text.Json.Serialization;

namespace Outbound.Core.Ivr;

/// <summary>What a key press, a timeout or invalid input leads to. Stored as JSON with a <c>do</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "do")]
[JsonDerivedType(typeof(GoTo), "goto")]
[JsonDerivedType(typeof(Repeat), "repeat")]
[JsonDerivedType(typeof(PlayInfo), "info")]
[JsonDerivedType(typeof(Queue), "queue")]
[JsonDerivedType(typeof(Voicemail), "voicemail")]
[JsonDerivedType(typeof(HangUp), "hangup")]
public abstract record IvrAction
{
    /// <summary>To another menu of the tree.</summary>
    public sealed record GoTo(string MenuId) : IvrAction;

    /// <summary>Play the current menu again.</summary>
    public sealed record Repeat : IvrAction;

    /// <summary>Self-service information (balance, outage notice …), then on to <paramref name="Then"/>.</summary>
    public sealed record PlayInfo(string Prompt, IvrAction Then) : IvrAction;

    /// <summary>Into the inbound queue of a campaign, needing a skill, with a starting priority.</summary>
    public sealed record Queue(string QueueCode, string? Skill = null, int Priority = 0) : IvrAction;

    /// <summary>Leave a message.</summary>
    public sealed record Voicemail(string Mailbox) : IvrAction;

    public sealed record HangUp(string? Prompt = null) : IvrAction;

    [JsonIgnore]
    public static IvrAction RepeatMenu { get; } = new Repeat();

    /// <summary>Queue, voicemail and hang-up end the caller's way through the tree.</summary>
    [JsonIgnore]
    public bool IsExit => this switch
    {
        Queue or Voicemail or HangUp => true,
        PlayInfo info => info.Then.IsExit,
        _ => false,
    };
}

/// <summary>
/// One menu: its prompt and the key choices. <see cref="OnTimeout"/> and <see cref="OnInvalid"/> apply when the
/// caller presses nothing or a key not offered; after <see cref="MaxRetries"/> of them the caller goes to
/// <see cref="OnRetriesExhausted"/> (a carrier's safety net, not counted as a way out by the validator).
/// </summary>
public sealed record IvrMenu(
    string Id,
    string Prompt,
    IReadOnlyDictionary<char, IvrAction> Choices,
    IvrAction OnTimeout,
    IvrAction OnInvalid,
    int MaxRetries = 3,
    IvrAction? OnRetriesExhausted = null)
{
    [JsonIgnore]
    public IvrAction Exhausted => OnRetriesExhausted ?? new IvrAction.HangUp("goodbye");

    /// <summary>Every action the caller can trigger in this menu (choices, timeout, invalid input).</summary>
    [JsonIgnore]
    public IEnumerable<IvrAction> Actions => Choices.Values.Append(OnTimeout).Append(OnInvalid);
}

/// <summary>A campaign's IVR: menus by id, entered at <see cref="RootId"/>.</summary>
public sealed record IvrTree(string RootId, IReadOnlyList<IvrMenu> Menus)
{
    public IvrMenu? Find(string id) => Menus.FirstOrDefault(m => m.Id == id);
}
