using ProcedureCatalog.Api.Plans;

namespace ProcedureCatalog.Tests.Plans;

/// <summary>The deadline column of an annex, in the forms the seed plans use, read into milestones; anything else refused, never guessed.</summary>
public sealed class DeadlineTextTests
{
    private static IReadOnlyList<ParsedDeadline> Milestones(string text)
    {
        var reading = DeadlineText.Read(text);
        Assert.True(reading.Problem is null, reading.Problem);
        return reading.Milestones;
    }

    private static string Problem(string text)
    {
        var reading = DeadlineText.Read(text);
        Assert.Empty(reading.Milestones);
        Assert.NotNull(reading.Problem);
        return reading.Problem;
    }

    [Theory]
    [InlineData("Trước ngày 30 tháng 8 năm 2025", 2025, 8, 30)]
    [InlineData("Hoàn thành trước ngày 31 tháng 8 năm 2025", 2025, 8, 31)]
    [InlineData("Hoàn thành trước ngày 30 tháng 4 năm 2025", 2025, 4, 30)]
    [InlineData("Hoàn thành trước 30 tháng 6 năm 2025", 2025, 6, 30)]
    [InlineData("Hoàn thành thực hiện TTHC không phụ thuộc vào địa giới hành chính trong phạm vi thành phố trước ngày 31 tháng 8 năm 2025", 2025, 8, 31)]
    [InlineData("trước ngày 20/6/2025", 2025, 6, 20)]
    [InlineData("TRƯỚC NGÀY 1 THÁNG 12 NĂM 2026.", 2026, 12, 1)]
    [InlineData("Chậm nhất là ngày 15 tháng 3 năm 2026", 2026, 3, 15)]
    public void ADateAfterTruocOrDenIsTheDeadlineOfOneUnlabelledMilestone(string text, int year, int month, int day)
    {
        var milestone = Assert.Single(Milestones(text));
        Assert.Equal(new ParsedDeadline(null, DeadlineKind.Date, new DateOnly(year, month, day), null), milestone);
    }

    [Theory]
    [InlineData("Trong năm 2025", 2025)]
    [InlineData("Hoàn thành thực hiện TTHC không phụ thuộc vào địa giới hành chính trong năm 2025", 2025)]
    [InlineData("theo lộ trình đến năm 2026", 2026)]
    [InlineData("Năm 2026", 2026)]
    public void AYearIsAMilestoneDueWithinThatYear(string text, int year) =>
        Assert.Equal(new ParsedDeadline(null, DeadlineKind.Year, null, year), Assert.Single(Milestones(text)));

    [Theory]
    [InlineData("Thường xuyên")]
    [InlineData("thường  xuyên.")]
    public void ThuongXuyenIsAnOngoingMilestone(string text) =>
        Assert.Equal(new ParsedDeadline(null, DeadlineKind.Ongoing, null, null), Assert.Single(Milestones(text)));

    [Fact]
    public void TheDienBienPhuTaskWithADeadlineFor2025AndOneFor2026GivesTwoLabelledMilestones()
    {
        var milestones = Milestones(": Kiến nghị cắt giảm, đơn giản hóa năm 2025 trước ngày 20 tháng 6 năm 2025 và năm 2026 trước ngày 20 tháng 6 năm 2026.");
        Assert.Equal(
            [
                new ParsedDeadline("Kiến nghị cắt giảm, đơn giản hóa năm 2025", DeadlineKind.Date, new DateOnly(2025, 6, 20), null),
                new ParsedDeadline("năm 2026", DeadlineKind.Date, new DateOnly(2026, 6, 20), null),
            ],
            milestones);
    }

    [Fact]
    public void DeadlinesPerGroupOfProceduresEachKeepWhatTheyAreFor()
    {
        Assert.Equal(
            [
                new ParsedDeadline("TTHC liên quan đến doanh nghiệp", DeadlineKind.Date, new DateOnly(2025, 12, 25), null),
                new ParsedDeadline("các TTHC còn lại", DeadlineKind.Year, null, 2026),
            ],
            Milestones("Đối với TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 25 tháng 12 năm 2025; đối với các TTHC còn lại theo lộ trình đến năm 2026."));
        Assert.Equal(
            [
                new ParsedDeadline("TTHC liên quan đến doanh nghiệp", DeadlineKind.Date, new DateOnly(2025, 11, 30), null),
                new ParsedDeadline("TTHC còn lại", DeadlineKind.Date, new DateOnly(2026, 12, 31), null),
            ],
            Milestones("- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 30 tháng 11 năm 2025.\n- TTHC còn lại theo lộ trình đến ngày 31 tháng 12 năm 2026"));
    }

    [Fact]
    public void AnEmptyCellGivesNoMilestone()
    {
        Assert.Equal(new DeadlineReading([], null), DeadlineText.Read("  "));
        Assert.Equal(new DeadlineReading([], null), DeadlineText.Read(null));
    }

    [Fact]
    public void TheCanThoAnnexsThirtyFirstOfNovemberIsNotADate() =>
        Assert.Equal("'trước ngày 31 tháng 11 năm 2025' is not a date: month 11 of 2025 has 30 days.",
            Problem("- TTHC liên quan đến doanh nghiệp hoàn thành trước ngày 31 tháng 11 năm 2025.\n- TTHC còn lại theo lộ trình đến ngày 31 tháng 12 năm 2026"));

    [Theory]
    [InlineData("Trước ngày 30 tháng 13 năm 2025", "there is no month 13")]
    [InlineData("Trước ngày 29/2/2025", "month 2 of 2025 has 28 days")]
    [InlineData("Trong năm 2200", "names a year outside 1945 to 2100")]
    [InlineData("Theo kế hoạch của UBND tỉnh", "is not a deadline this service reads")]
    [InlineData("Quý III năm 2025", "speaks of 'Quý III'")]
    [InlineData("Trong tháng 8 năm 2025", "speaks of 'tháng 8'")]
    [InlineData("Tháng 8 năm 2025 và trước ngày 30 tháng 9 năm 2025", "speaks of 'Tháng 8'")]
    [InlineData("Trước 30-8-2025", "speaks of '30-8-2025'")]
    [InlineData("Trước ngày 30 tháng 8 năm 2025 đối với cấp tỉnh", "the words after the last deadline ('đối với cấp tỉnh') are not understood")]
    [InlineData("Thường xuyên; báo cáo định kỳ ngày 22 hằng tháng", "are not understood")]
    public void AnythingElseIsRefusedNamingTheText(string text, string expected) =>
        Assert.Contains(expected, Problem(text), StringComparison.Ordinal);

    [Fact]
    public void DecomposedTextReadsAsPrecomposed() =>
        Assert.Equal(new DateOnly(2025, 8, 30), Assert.Single(Milestones("Trước ngày 30 tháng 8 năm 2025".Normalize(System.Text.NormalizationForm.FormD))).DueOn);
}
