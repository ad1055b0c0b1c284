using Outbound.Core.Quality;

namespace Outbound.Core.Tests.Quality;

public sealed class FormValidatorTests
{
    private static EvaluationForm Valid => StarterForm.Create();

    private static EvaluationForm WithItem(int section, int item, Func<FormItem, FormItem> change)
    {
        var form = Valid;
        var sections = form.Sections.ToList();
        var items = sections[section].Items.ToList();
        items[item] = change(items[item]);
        sections[section] = sections[section] with { Items = items };
        return form with { Sections = sections };
    }

    [Fact]
    public void Weights_that_do_not_add_up_to_100_are_refused_with_the_total()
    {
        var errors = FormValidator.Validate(WithItem(0, 0, i => i with { Weight = 15 }));
        var error = Assert.Single(errors);
        Assert.Equal(FormProblem.WeightsDoNotAddUp, error.Problem);
        Assert.Equal(105m, error.Args[0]);
    }

    [Fact]
    public void An_item_without_a_label_is_refused_with_its_position()
    {
        var error = Assert.Single(FormValidator.Validate(WithItem(1, 2, i => i with { Label = " " })));
        Assert.Equal(FormProblem.ItemLabelRequired, error.Problem);
        Assert.Equal("2.3", error.Args[0]);
    }

    [Fact]
    public void Overlapping_bands_are_refused()
    {
        var form = Valid with { Bands = [new(Band.Excellent, 85, 100), new(Band.Good, 80, 90), new(Band.Pass, 60, 80), new(Band.Fail, 0, 60)] };
        var error = Assert.Single(FormValidator.Validate(form));
        Assert.Equal(FormProblem.BandOverlap, error.Problem);
    }

    [Fact]
    public void Gaps_between_bands_and_missing_bands_are_refused()
    {
        var gap = Valid with { Bands = [new(Band.Excellent, 90, 100), new(Band.Good, 80, 88), new(Band.Pass, 60, 80), new(Band.Fail, 0, 60)] };
        Assert.Equal(FormProblem.BandGap, Assert.Single(FormValidator.Validate(gap)).Problem);
        var missing = Valid with { Bands = [new(Band.Excellent, 60, 100), new(Band.Fail, 0, 60)] };
        Assert.Equal(2, FormValidator.Validate(missing).Count(e => e.Problem == FormProblem.BandMissing));
    }

    [Fact]
    public void A_critical_item_must_be_yes_no_and_a_scale_needs_a_maximum()
    {
        var errors = FormValidator.Validate(WithItem(1, 0, i => i with { Critical = true, ScaleMax = 0 }));
        Assert.Contains(errors, e => e.Problem == FormProblem.CriticalMustBeYesNo);
        Assert.Contains(errors, e => e.Problem == FormProblem.ScaleMaxRange);
    }
}
