namespace Outbound.Core.Acd;

/// <summary>A caller waiting in a queue.</summary>
/// <param name="Priority">The caller's starting priority (VIP lines higher); waiting adds to it.</param>
/// <param name="Skill">The skill the caller needs (from the IVR choice); null: any agent of the queue.</param>
public sealed record AcdCaller(string CallerId, DateTimeOffset ArrivedAt, int Priority = 0, string? Skill = null)
{
    public TimeSpan Waited(DateTimeOffset now) => now > ArrivedAt ? now - ArrivedAt : TimeSpan.Zero;
}
