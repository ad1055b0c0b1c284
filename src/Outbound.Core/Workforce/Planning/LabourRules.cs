namespace Outbound.Core.Workforce.Planning;

/// <summary>
/// The labour rules a roster must keep (hard rules; the solver never breaks them, the checker proves it).
/// Weeks are 7-day blocks from the first day of the plan; a shorter last block needs its share of days off
/// (⌊days off × length ÷ 7⌋). Hours are paid hours a month: a plan of four weeks or more is held to them in full,
/// a shorter one to its share; an agent on leave needs the minimum only in proportion to the days not on leave.
/// </summary>
public sealed record LabourRules
{
    public int MaxConsecutiveDays { get; init; } = 6;
    public TimeSpan MinRest { get; init; } = TimeSpan.FromHours(11);
    public int MinDaysOffPerWeek { get; init; } = 1;
    public TimeSpan MinHours { get; init; } = TimeSpan.FromHours(120);
    public TimeSpan MaxHours { get; init; } = TimeSpan.FromHours(176);

    public static LabourRules Default { get; } = new();

    public int DaysOffRequired(int blockLength) => MinDaysOffPerWeek * blockLength / 7;

    public TimeSpan MinHoursFor(int planDays, int leaveDays) =>
        planDays == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(Math.Floor(MinHours.TotalMinutes * Share(planDays) * (planDays - leaveDays) / planDays));

    public TimeSpan MaxHoursFor(int planDays) => TimeSpan.FromMinutes(Math.Floor(MaxHours.TotalMinutes * Share(planDays)));

    private static double Share(int planDays) => Math.Min(1, planDays / 28.0);
}
