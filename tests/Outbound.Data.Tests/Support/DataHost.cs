using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outbound.Data;

namespace Outbound.Data.Tests.Support;

/// <summary>A quiet generic host with Outbound.Data's services on a test database, as the CLI builds it.</summary>
public static class DataHost
{
    public static IHost Build(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration[$"ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}"] = connectionString;
        builder.AddOutboundData();
        return builder.Build();
    }
}
