using Outbound.Core.Assessment;
using Outbound.Core.Workforce;
using Outbound.Data.Workforce;
using Outbound.Testing;

namespace Outbound.Data.Tests.Assessment;

/// <summary>A fresh database per test class, with a team (leader + two agents), an outsider and an Hr user.</summary>
public abstract class AssessmentDatabaseTest : IAsyncLifetime
{
    protected readonly PgTestDatabase Db = new();
    protected readonly AgentId Alice = AgentId.New(), Bob = AgentId.New(), Leader = AgentId.New(), Outsider = AgentId.New();
    protected readonly TeamId TeamA = TeamId.New(), TeamB = TeamId.New();
    protected readonly AssessmentActor Hr = new(AgentId.New(), AssessmentRole.Hr);

    protected AssessmentActor AsAgent(AgentId id) => new(id, AssessmentRole.Agent);
    protected AssessmentActor AsSupervisor(AgentId id) => new(id, AssessmentRole.Supervisor);

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        await TestUsers.InsertAsync(Db.DataSource, Leader.Value);
        await TestUsers.InsertAsync(Db.DataSource, Alice.Value);
        await TestUsers.InsertAsync(Db.DataSource, Bob.Value, "bob@abc.test");
        await TestUsers.InsertAsync(Db.DataSource, Outsider.Value);
        var staff = new Staff(Db.DataSource);
        await staff.SaveTeamAsync(TeamA, "一班", Leader, 0);
        await staff.SaveTeamAsync(TeamB, "二班", Outsider, 4);
        await staff.SaveAgentAsync(new StaffRecord(Leader, "A000", "王班长", TeamA, 4000m));
        await staff.SaveAgentAsync(new StaffRecord(Alice, "A001", "李丽", TeamA, 3000m));
        await staff.SaveAgentAsync(new StaffRecord(Bob, "A002", "张波", TeamA, 3000m));
        await staff.SaveAgentAsync(new StaffRecord(Outsider, "B001", "赵外", TeamB, 3000m));
    }

    public Task DisposeAsync() => Db.DisposeAsync();
}
