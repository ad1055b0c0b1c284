using Outbound.Core.Compliance;

namespace Outbound.Core.Desk;

/// <summary>The result the agent saved for a call: its disposition code and, maybe, a callback to book on the lead.</summary>
public sealed record DeskResult(string Disposition, CallbackRequest? Callback = null);
