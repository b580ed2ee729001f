using ProcedureCatalog.Api.Infrastructure;
using ProcedureCatalog.Api.PeriodReports;

namespace ProcedureCatalog.Tests.PeriodReports;

/// <summary>The dates of trends and periodic reports, worked out by hand.</summary>
public sealed class ReportCalendarTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void MonthlyStepsAreTheDayOfEveryMonthBetweenFromAndTo()
    {
        Assert.Equal([D("2025-01-22"), D("2025-02-22"), D("2025-03-22")], ReportCalendar.Steps(D("2024-12-31"), D("2025-03-22"), TrendStep.Month, 22));
        Assert.Equal([D("2025-02-22")], ReportCalendar.Steps(D("2025-01-23"), D("2025-03-21"), TrendStep.Month, 22));
        Assert.Empty(ReportCalendar.Steps(D("2025-01-23"), D("2025-02-21"), TrendStep.Month, 22));
    }

    [Fact]
    public void QuarterlyAndYearlyStepsFallInTheLastMonthOfEachQuarterAndInDecember()
    {
        Assert.Equal([D("2025-03-15"), D("2025-06-15"), D("2025-09-15"), D("2025-12-15"), D("2026-03-15")],
            ReportCalendar.Steps(D("2025-01-01"), D("2026-05-31"), TrendStep.Quarter, 15));
        Assert.Equal([D("2025-12-05"), D("2026-12-05")], ReportCalendar.Steps(D("2025-01-01"), D("2026-12-31"), TrendStep.Year, 5));
    }

    [Fact]
    public void AMonthIsReportedOnItsReportDayAndCoversTheDaysAfterThePreviousOne()
    {
        Assert.Equal(new ReportPeriod(PeriodKind.Month, "2026-11", 22, D("2026-10-23"), D("2026-11-22"), D("2026-10-22"), D("2026-12-22")),
            ReportCalendar.Period(PeriodKind.Month, 2026, 11, 22));
        // January's previous report is December's of the year before.
        Assert.Equal(new ReportPeriod(PeriodKind.Month, "2026-01", 5, D("2025-12-06"), D("2026-01-05"), D("2025-12-05"), D("2026-02-05")),
            ReportCalendar.Period(PeriodKind.Month, 2026, 1, 5));
    }

    [Fact]
    public void AQuarterAndAYearAreReportedOnTheReportDayOfTheirLastMonth()
    {
        Assert.Equal(new ReportPeriod(PeriodKind.Quarter, "2026-Q4", 22, D("2026-09-23"), D("2026-12-22"), D("2026-09-22"), D("2027-03-22")),
            ReportCalendar.Period(PeriodKind.Quarter, 2026, 4, 22));
        Assert.Equal(new ReportPeriod(PeriodKind.Year, "2026", 22, D("2025-12-23"), D("2026-12-22"), D("2025-12-22"), D("2027-12-22")),
            ReportCalendar.Period(PeriodKind.Year, 2026, 1, 22));
    }

    [Theory]
    [InlineData(PeriodKind.Month, "2026-11-22", "2026-11")]
    [InlineData(PeriodKind.Month, "2026-11-21", "2026-10")]
    [InlineData(PeriodKind.Month, "2026-01-02", "2025-12")]
    [InlineData(PeriodKind.Quarter, "2026-11-23", "2026-Q3")]
    [InlineData(PeriodKind.Quarter, "2026-12-22", "2026-Q4")]
    [InlineData(PeriodKind.Year, "2026-12-21", "2025")]
    [InlineData(PeriodKind.Year, "2026-12-22", "2026")]
    public void WithoutAPeriodNamedTheLatestWhoseReportDayHasComeIsTaken(PeriodKind kind, string today, string label) =>
        Assert.Equal(label, ReportCalendar.Latest(kind, D(today), 22).Label);

    [Theory]
    [InlineData(PeriodKind.Month, "2026-11", 2026, 11)]
    [InlineData(PeriodKind.Quarter, "2026-Q4", 2026, 4)]
    [InlineData(PeriodKind.Year, "2026", 2026, 1)]
    public void APeriodIsNamedYearMonthYearQuarterOrYear(PeriodKind kind, string text, int year, int number)
    {
        var errors = new Errors();
        Assert.Equal((year, number), ReportCalendar.Parse(kind, text, "p", errors));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData(PeriodKind.Month, "2026-13")]
    [InlineData(PeriodKind.Month, "2026-1")]
    [InlineData(PeriodKind.Month, "11/2026")]
    [InlineData(PeriodKind.Quarter, "2026-Q5")]
    [InlineData(PeriodKind.Quarter, "2026-4")]
    [InlineData(PeriodKind.Year, "26")]
    [InlineData(PeriodKind.Year, "1900")]
    public void AMalformedPeriodIsAnErrorNamingItsParameter(PeriodKind kind, string text)
    {
        var errors = new Errors();
        Assert.Null(ReportCalendar.Parse(kind, text, "period-parameter", errors));
        Assert.Contains("period-parameter", errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("29")]
    [InlineData("x")]
    [InlineData("-1")]
    public void AReportDayIsFrom1To28(string text)
    {
        var errors = new Errors();
        Assert.Null(ReportCalendar.Day(text, "day", errors));
        Assert.Contains("day", errors.ToDictionary().Keys);
        Assert.Equal(28, ReportCalendar.Day("28", "day", new Errors()));
    }
}
