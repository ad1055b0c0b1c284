using NodaTime;
using Outbound.Core.WorkOrders;
using static Outbound.Core.Tests.WorkOrders.CalendarFixtures;

namespace Outbound.Core.Tests.WorkOrders;

public sealed class BusinessCalendarTests
{
    private readonly BusinessCalendar _calendar = Calendar();

    [Fact]
    public void Time_within_one_working_day_is_added_as_it_is()
    {
        Assert.Equal(At(3, 3, 13, 30), _calendar.Add(At(3, 3, 10, 0), TimeSpan.FromHours(3.5))); // a Tuesday
    }

    [Fact]
    public void Time_left_at_closing_runs_on_at_the_next_opening()
    {
        Assert.Equal(At(3, 4, 11, 0), _calendar.Add(At(3, 3, 16, 0), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void An_order_raised_on_Friday_evening_is_due_on_Monday()
    {
        Assert.Equal(At(3, 9, 13, 0), _calendar.Add(At(3, 6, 20, 0), TimeSpan.FromHours(4))); // Friday 20:00 + 4 h → Monday 13:00
        Assert.Equal(At(3, 9, 13, 0), _calendar.Add(At(3, 7, 10, 0), TimeSpan.FromHours(4))); // raised on Saturday: the same
    }

    [Fact]
    public void Public_holidays_are_closed_even_on_weekdays_and_make_up_Saturdays_are_worked()
    {
        // Friday 2026-02-13 17:00 with 3 h: one hour on Friday, then the make-up Saturday 2-14 (the holiday starts on Sunday 2-15).
        Assert.Equal(At(2, 14, 11, 0), _calendar.Add(At(2, 13, 17, 0), TimeSpan.FromHours(3)));
        // Saturday 2-14 17:00 with 2 h: 1 h that Saturday, then nothing until Tuesday 2-24 (the festival runs to Monday 2-23).
        Assert.Equal(At(2, 24, 10, 0), _calendar.Add(At(2, 14, 17, 0), TimeSpan.FromHours(2)));
        Assert.Null(_calendar.HoursOn(new LocalDate(2026, 2, 16))); // a Monday in the festival
        Assert.Equal(NineToSix, _calendar.HoursOn(new LocalDate(2026, 2, 28))); // the Saturday make-up day
    }

    [Fact]
    public void A_make_up_day_can_have_its_own_hours()
    {
        var calendar = Calendar([new SpecialDay(new LocalDate(2026, 3, 7), SpecialDayKind.Workday, "调休", new OpeningHours(new LocalTime(10, 0), new LocalTime(12, 0)))]);
        Assert.Equal(At(3, 7, 11, 0), calendar.Add(At(3, 6, 17, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Business_time_between_two_instants_skips_nights_weekends_and_holidays()
    {
        Assert.Equal(TimeSpan.FromHours(2), _calendar.Between(At(3, 6, 17, 0), At(3, 9, 10, 0)));
        Assert.Equal(TimeSpan.FromHours(9 + 1), _calendar.Between(At(2, 13, 17, 0), At(2, 24, 9, 0))); // Fri 1 h + make-up Sat 9 h
        Assert.Equal(TimeSpan.Zero, _calendar.Between(At(3, 9, 10, 0), At(3, 6, 17, 0)));
    }

    [Fact]
    public void Subtracting_walks_back_over_closed_hours()
    {
        Assert.Equal(At(3, 6, 17, 30), _calendar.Subtract(At(3, 9, 9, 30), TimeSpan.FromHours(1)));
        Assert.Equal(At(2, 14, 17, 30), _calendar.Subtract(At(2, 24, 9, 0), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Adding_and_subtracting_are_inverse_inside_opening_hours()
    {
        var start = At(2, 12, 15, 45);
        foreach (var hours in new[] { 0.5, 3, 9, 17, 40, 100 })
        {
            var due = _calendar.Add(start, TimeSpan.FromHours(hours));
            Assert.Equal(start, _calendar.Subtract(due, TimeSpan.FromHours(hours)));
            Assert.Equal(TimeSpan.FromHours(hours), _calendar.Between(start, due));
        }
    }

    [Fact]
    public void A_calendar_without_working_hours_is_refused()
    {
        Assert.Equal([CalendarProblem.NoWorkingHours], BusinessCalendar.Validate(new Dictionary<IsoDayOfWeek, OpeningHours>()));
        var backwards = new Dictionary<IsoDayOfWeek, OpeningHours> { [IsoDayOfWeek.Monday] = new(new LocalTime(18, 0), new LocalTime(9, 0)) };
        Assert.Equal([CalendarProblem.ClosesBeforeOpens], BusinessCalendar.Validate(backwards));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(Shanghai, new Dictionary<IsoDayOfWeek, OpeningHours>(), []));
    }
}
