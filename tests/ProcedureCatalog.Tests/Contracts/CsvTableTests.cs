using CsCheck;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Tests.Contracts;

/// <summary>The CSV writer of the reports and the export: how it prints numbers, and how it keeps text from running as a formula, reversibly.</summary>
public sealed class CsvTableTests
{
    private sealed record Row(string? Text, decimal? Number);

    private static readonly IReadOnlyList<CsvColumn<Row>> Columns = [new("Nội dung", row => row.Text), new("Số", row => row.Number)];

    /// <summary>The data lines of the CSV written for <paramref name="rows"/>, header left out.</summary>
    private static string[] Lines(params Row[] rows) =>
        CsvTable<Row>.Render(Columns, rows).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];

    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+84 912 345 678", "'+84 912 345 678")]
    [InlineData("- Bản sao căn cước", "'- Bản sao căn cước")]
    [InlineData("@hàm", "'@hàm")]
    [InlineData("\tthụt lề", "'\tthụt lề")]
    [InlineData("\rdòng", "'\rdòng")]
    [InlineData("'đã có dấu nháy", "''đã có dấu nháy")]
    [InlineData("''", "'''")]
    [InlineData("Giấy đề nghị", "Giấy đề nghị")]
    [InlineData("1-2", "1-2")]
    [InlineData("", "")]
    public void ATextThatStartsLikeAFormulaOrWithAnApostropheGetsOneApostropheAndComesBackAsItWas(string text, string neutralised)
    {
        Assert.Equal(neutralised, CsvFormula.Neutralise(text));
        Assert.Equal(text, CsvFormula.Restore(neutralised));
    }

    [Theory]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("''x", "'x")]
    [InlineData("'abc", "'abc")]
    [InlineData("'", "'")]
    [InlineData("abc", "abc")]
    public void RestoreRemovesExactlyOneApostropheAndOnlyBeforeACharacterNeutraliseEscapes(string cell, string restored) =>
        Assert.Equal(restored, CsvFormula.Restore(cell));

    [Fact]
    public void RestoreUndoesNeutraliseForEveryText() =>
        Gen.String[Gen.Char["'=+-@\t\r aĐ"], 0, 6].Sample(text => CsvFormula.Restore(CsvFormula.Neutralise(text)) == text, iter: 10_000);

    [Fact]
    public void NullStaysNull() => Assert.Equal((null, null), (CsvFormula.Neutralise(null), CsvFormula.Restore(null)));

    [Fact]
    public void TheCsvWriterNeutralisesTextAndNeverANumber()
    {
        var lines = Lines(new Row("- Bản sao căn cước", -20.5m), new Row("'=1", null), new Row("=HYPERLINK(\"x\")", 0m));
        Assert.Equal(["'- Bản sao căn cước,-20.5", "''=1,", "\"'=HYPERLINK(\"\"x\"\")\",0"], lines);
    }

    [Fact]
    public void NumbersArePrintedWithTheDecimalsTheyNeedAPointAndNoThousandsSeparator()
    {
        var lines = Lines(new Row("a", 111.5000m), new Row("b", 33.330m), new Row("c", 0.00m), new Row("d", 1_224_000_000.00m), new Row("e", -0.0100m), new Row("f", 0.0000001m));
        Assert.Equal(["a,111.5", "b,33.33", "c,0", "d,1224000000", "e,-0.01", "f,0.0000001"], lines);
    }
}
