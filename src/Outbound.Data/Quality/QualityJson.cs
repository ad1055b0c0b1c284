using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outbound.Data.Quality;

/// <summary>The JSON of forms, answers and plan settings in the quality tables: camelCase, enums as strings.</summary>
public static class QualityJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"null where a {typeof(T).Name} was stored");
}
