using ProcedureCatalog.Api.PeriodReports;

namespace ProcedureCatalog.Tests.PeriodReports;

/// <summary>Numbers and dates as a Vietnamese document writes them, whatever the server's culture.</summary>
public sealed class VietnameseNumbersTests
{
    private const char Space = VietnameseNumbers.UnitSpace;

    [Fact]
    public void MoneyHasADotBetweenThousandsAndTheDongSign()
    {
        Assert.Equal($"1.234.567{Space}đ", VietnameseNumbers.Vnd(1_234_567m));
        Assert.Equal($"1.020.000{Space}đ", VietnameseNumbers.Vnd(1_020_000.00m));
        Assert.Equal($"0{Space}đ", VietnameseNumbers.Vnd(0m));
        Assert.Equal("–", VietnameseNumbers.Vnd(null));
    }

    [Fact]
    public void PercentagesHaveADecimalCommaAndTwoDecimals()
    {
        Assert.Equal($"33,33{Space}%", VietnameseNumbers.Pct(33.33m));
        Assert.Equal($"30,00{Space}%", VietnameseNumbers.Pct(30m));
        Assert.Equal($"-4,50{Space}%", VietnameseNumbers.Pct(-4.5m));
        Assert.Equal("+8,93", VietnameseNumbers.Points(8.93m));
        Assert.Equal("-1,00", VietnameseNumbers.Points(-1m));
    }

    [Fact]
    public void TimesAndCountsTakeTheDecimalsTheyNeed()
    {
        Assert.Equal($"14,29{Space}ngày", VietnameseNumbers.WorkingDays(14.2857m));
        Assert.Equal($"8{Space}ngày", VietnameseNumbers.WorkingDays(8m));
        Assert.Equal("61.000", VietnameseNumbers.Count(61_000));
    }

    [Fact]
    public void DatesAreDayMonthYearAndTheDateLineWritesTheZerosOfTheDecree()
    {
        Assert.Equal("05/02/2026", VietnameseNumbers.Date(new DateOnly(2026, 2, 5)));
        Assert.Equal("ngày 22 tháng 11 năm 2026", VietnameseNumbers.LongDate(new DateOnly(2026, 11, 22)));
        Assert.Equal("ngày 05 tháng 02 năm 2026", VietnameseNumbers.LongDate(new DateOnly(2026, 2, 5)));
        Assert.Equal("ngày 03 tháng 9 năm 2025", VietnameseNumbers.LongDate(new DateOnly(2025, 9, 3)));
    }
}
