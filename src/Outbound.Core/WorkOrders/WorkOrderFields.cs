using System.Globalization;

namespace Outbound.Core.WorkOrders;

/// <summary>The kinds of custom field an order type can ask for.</summary>
public enum FieldKind { Text, Number, Date, Choice }

/// <summary>One custom field of an order type (e.g. the card's last four digits, the outage address).</summary>
public sealed record WorkOrderField(string Key, string Label, FieldKind Kind = FieldKind.Text, bool Required = false, IReadOnlyList<string>? Choices = null);

/// <summary>Why a field's value is refused; the web words the codes with the field's label.</summary>
public enum FieldProblem { Missing, NotANumber, NotADate, NotAChoice, TooLong, UnknownField }

public sealed record FieldError(string Key, FieldProblem Problem);

/// <summary>Checks an order's custom values against its type's fields and returns them trimmed, blanks dropped.</summary>
public static class WorkOrderFields
{
    public const int MaxValueLength = 500;

    public static (IReadOnlyDictionary<string, string> Values, IReadOnlyList<FieldError> Errors) Check(
        IReadOnlyList<WorkOrderField> fields, IReadOnlyDictionary<string, string?> given)
    {
        var values = new Dictionary<string, string>();
        var errors = new List<FieldError>();
        foreach (var key in given.Keys.Where(k => fields.All(f => f.Key != k) && !string.IsNullOrWhiteSpace(given[k])))
            errors.Add(new FieldError(key, FieldProblem.UnknownField));
        foreach (var field in fields)
        {
            var value = given.GetValueOrDefault(field.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required) errors.Add(new FieldError(field.Key, FieldProblem.Missing));
                continue;
            }
            var problem = value.Length > MaxValueLength ? FieldProblem.TooLong : field.Kind switch
            {
                FieldKind.Number when !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) => FieldProblem.NotANumber,
                FieldKind.Date when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => FieldProblem.NotADate,
                FieldKind.Choice when field.Choices is { Count: > 0 } choices && !choices.Contains(value) => FieldProblem.NotAChoice,
                _ => (FieldProblem?)null,
            };
            if (problem is { } p) errors.Add(new FieldError(field.Key, p));
            else values[field.Key] = value;
        }
        return (values, errors);
    }
}
