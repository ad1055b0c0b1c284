using Dapper;
using Npgsql;
using Outbound.Core.Identity;

namespace Outbound.Data.Identity;

/// <summary>
/// Who an agent id stands for: a user, by display name; a demo bot (<see cref="BotAgents"/>), by number; or, for an id no
/// longer known, nothing. Pages and reports name people with it and never show the id.
/// </summary>
public sealed record AgentName(string Id, string? DisplayName, int? BotNumber)
{
    public bool IsBot => BotNumber is not null;
}

/// <summary>Looks agent ids (call records, promises, desk forms, sessions) up as <see cref="AgentName"/>s.</summary>
public sealed class AgentDirectory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyDictionary<string, AgentName>> NamesAsync(IEnumerable<string> agentIds, CancellationToken ct = default)
    {
        var ids = agentIds.Distinct().ToList();
        var users = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToArray();
        var names = new Dictionary<string, string>();
        if (users.Length > 0)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            foreach (var (id, name) in await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(
                         "SELECT id, display_name FROM users WHERE id = ANY(@users)", new { users }, cancellationToken: ct)))
                names[id.ToString()] = name;
        }
        return ids.ToDictionary(id => id, id => new AgentName(id,
            Guid.TryParse(id, out var g) ? names.GetValueOrDefault(g.ToString()) : null,
            BotAgents.TryParse(id, out var bot) ? bot : null));
    }
}
