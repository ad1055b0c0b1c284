using System.Globalization;
using System.Text.Json;
using Outbound.Core.Campaigns;
using Outbound.Data.Campaigns;
using Outbound.Web.Localization;

namespace Outbound.Web.Areas.Campaigns;

/// <summary>
/// The campaign setup form: scalar settings as inputs, the lists (windows, retry rules, fields, dispositions,
/// questionnaire) as JSON written by wwwroot/js/campaign-editor.js. Converts to and from <see cref="CampaignDefinition"/>.
/// </summary>
public sealed class CampaignForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public CampaignKind Kind { get; set; } = CampaignKind.Collections;
    public DialMode DialMode { get; set; } = DialMode.Predictive;
    public RegulatorPreset Regulator { get; set; } = RegulatorPreset.CnConsumerCollections;
    /// <summary>The cap in percent as people type it (3 for 3 %).</summary>
    [FieldLabel(typeof(CampaignTexts), nameof(CampaignTexts.AbandonCap))]
    public decimal AbandonCapPercent { get; set; } = 3m;
    [FieldLabel(typeof(CampaignTexts), nameof(CampaignTexts.AbandonWindow))]
    public int AbandonWindowHours { get; set; } = 24;
    [FieldLabel(typeof(CampaignTexts), nameof(CampaignTexts.MaxAttempts))]
    public int MaxAttempts { get; set; } = 6;
    public string? CallerId { get; set; }
    public string? Script { get; set; }
    [FieldLabel(typeof(CampaignTexts), nameof(CampaignTexts.WrapUp))]
    public int WrapUpSeconds { get; set; } = 15;
    [FieldLabel(typeof(CampaignTexts), nameof(CampaignTexts.PreviewCountdown))]
    public int PreviewCountdownSeconds { get; set; }
    public bool AmdEnabled { get; set; } = true;
    public decimal AmdFalsePositivePercent { get; set; } = 1m;
    public bool RecordCalls { get; set; } = true;
    public string CallingWindowsJson { get; set; } = "[]";
    public string RetryDelaysJson { get; set; } = "{}";
    public string CustomFieldsJson { get; set; } = "[]";
    public string DispositionsJson { get; set; } = "[]";
    public string QuestionnaireJson { get; set; } = "null";

    private static JsonSerializerOptions Json => CampaignSettingsJson.Options;

    public static CampaignForm From(CampaignDefinition c) => new()
    {
        Code = c.Code,
        Name = c.Name,
        Kind = c.Kind,
        DialMode = c.DialMode,
        Regulator = c.Settings.Regulator,
        AbandonCapPercent = c.Settings.AbandonCap * 100m,
        AbandonWindowHours = c.Settings.AbandonWindowHours,
        MaxAttempts = c.Settings.MaxAttempts,
        CallerId = c.Settings.CallerId,
        Script = c.Settings.Script,
        WrapUpSeconds = c.Settings.WrapUpSeconds,
        PreviewCountdownSeconds = c.Settings.PreviewCountdownSeconds,
        AmdEnabled = c.Settings.AmdEnabled,
        AmdFalsePositivePercent = c.Settings.AmdFalsePositiveRate * 100m,
        RecordCalls = c.Settings.RecordCalls,
        CallingWindowsJson = JsonSerializer.Serialize(c.Settings.CallingWindows, Json),
        RetryDelaysJson = JsonSerializer.Serialize(c.Settings.RetryDelayMinutes, Json),
        CustomFieldsJson = JsonSerializer.Serialize(c.Settings.CustomFields, Json),
        DispositionsJson = JsonSerializer.Serialize(c.Settings.Dispositions, Json),
        QuestionnaireJson = JsonSerializer.Serialize(c.Settings.Questionnaire, Json),
    };

    /// <summary>A new campaign's starting point: the platform defaults and a few common dispositions.</summary>
    public static CampaignForm New() => From(new CampaignDefinition("", "", CampaignKind.Collections, DialMode.Predictive, new CampaignSettings
    {
        Dispositions =
        [
            new("completed", "完成", true, true, true),
            new("callback", "预约回拨", true, true, false),
            new("wrong_number", "号码错误", false, false, true),
        ],
    }));

    /// <summary>The definition the form describes, or the (form field, message) pairs of lists that could not be read.</summary>
    public (CampaignDefinition? Definition, IReadOnlyList<(string Field, string Message)> Problems) ToDefinition()
    {
        var problems = new List<(string, string)>();
        T Read<T>(string json, string field, Text what, T fallback)
        {
            try { return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(json) ? "null" : json, Json) ?? fallback; }
            catch (JsonException) { problems.Add((field, CampaignTexts.BadJson.Format(what.ToString()))); return fallback; }
        }
        var settings = new CampaignSettings
        {
            Regulator = Regulator,
            AbandonCap = AbandonCapPercent / 100m,
            AbandonWindowHours = AbandonWindowHours,
            MaxAttempts = MaxAttempts,
            CallerId = (CallerId ?? "").Trim(),
            Script = Script ?? "",
            WrapUpSeconds = WrapUpSeconds,
            PreviewCountdownSeconds = PreviewCountdownSeconds,
            AmdEnabled = AmdEnabled,
            AmdFalsePositiveRate = AmdFalsePositivePercent / 100m,
            RecordCalls = RecordCalls,
            CallingWindows = Read<List<CallingWindow>>(CallingWindowsJson, nameof(CallingWindowsJson), CampaignTexts.Windows, []),
            RetryDelayMinutes = Read<Dictionary<CallOutcome, int>>(RetryDelaysJson, nameof(RetryDelaysJson), CampaignTexts.Retry, []),
            CustomFields = Read<List<LeadFieldDefinition>>(CustomFieldsJson, nameof(CustomFieldsJson), CampaignTexts.Fields, []),
            Dispositions = Read<List<Disposition>>(DispositionsJson, nameof(DispositionsJson), CampaignTexts.Dispositions, []),
            Questionnaire = Read<Questionnaire?>(QuestionnaireJson, nameof(QuestionnaireJson), CampaignTexts.Questionnaire, null),
        };
        return problems.Count > 0 ? (null, problems) : (new CampaignDefinition((Code ?? "").Trim(), (Name ?? "").Trim(), Kind, DialMode, settings), problems);
    }

    /// <summary>The form field a validator problem belongs to, so the message is shown next to it.</summary>
    public static string FieldOf(CampaignValidationError error)
    {
        var path = error.Field;
        if (!path.StartsWith("Settings.", StringComparison.Ordinal)) return path;
        var name = path["Settings.".Length..].Split('[', '.')[0];
        return name switch
        {
            nameof(CampaignSettings.AbandonCap) => nameof(AbandonCapPercent),
            nameof(CampaignSettings.AmdFalsePositiveRate) => nameof(AmdFalsePositivePercent),
            nameof(CampaignSettings.CallingWindows) => nameof(CallingWindowsJson),
            nameof(CampaignSettings.RetryDelayMinutes) => nameof(RetryDelaysJson),
            nameof(CampaignSettings.CustomFields) => nameof(CustomFieldsJson),
            nameof(CampaignSettings.Dispositions) => nameof(DispositionsJson),
            nameof(CampaignSettings.Questionnaire) => nameof(QuestionnaireJson),
            _ => name,
        };
    }

    public static string Message(CampaignValidationError error) => CampaignProblemText.Format(error, CultureInfo.CurrentUICulture);
}
