using NodaTime;

namespace Outbound.Core.Performance;

/// <summary>
/// Best time to call (part 九): contact rate per weekday × local hour. Cells keep their counts so a
/// thin cell (few attempts) can be told apart from a poor one.
/// </summary>
public sealed class ContactHeatMap
{
    private readonly Ratio[,] _cells = new Ratio[7, 24];

    /// <param name="day">The weekday (Monday = 1 … Sunday = 7).</param>
    public void Add(IsoDayOfWeek day, int hour, bool contact) => _cells[(int)day - 1, hour] = _cells[(int)day - 1, hour].Add(contact);

    public Ratio this[IsoDayOfWeek day, int hour] => _cells[(int)day - 1, hour];

    /// <summary>The hours in which anything was dialled, for drawing only the useful columns.</summary>
    public IReadOnlyList<int> HoursUsed() =>
        Enumerable.Range(0, 24).Where(h => Enumerable.Range(0, 7).Any(d => _cells[d, h].Whole > 0)).ToList();

    /// <summary>The cell with the best contact rate among those with at least <paramref name="minAttempts"/> attempts.</summary>
    public (IsoDayOfWeek Day, int Hour, Ratio Rate)? Best(int minAttempts = 20)
    {
        (IsoDayOfWeek, int, Ratio)? best = null;
        for (var d = 0; d < 7; d++)
        for (var h = 0; h < 24; h++)
        {
            var cell = _cells[d, h];
            if (cell.Whole < minAttempts) continue;
            if (best is null || cell.Value > best.Value.Item3.Value) best = ((IsoDayOfWeek)(d + 1), h, cell);
        }
        return best;
    }
}
