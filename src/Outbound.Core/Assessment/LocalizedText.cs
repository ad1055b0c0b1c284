namespace Outbound.Core.Assessment;

/// <summary>A user-facing text in Chinese (the default) and English.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string For(bool english) => english ? En : Zh;
}
