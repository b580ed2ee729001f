using System.Text;
using ProcedureCatalog.Api.Infrastructure;

namespace ProcedureCatalog.Tests.Infrastructure;

/// <summary>The rules the bulk import shares with the API's bodies.</summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Sở Tài chính tỉnh Điện Biên")]
    [InlineData("Đăng ký thành lập doanh nghiệp (mẫu 01/ĐK-HKD) — bản sao")]
    [InlineData("")]
    [InlineData(null)]
    public void OrdinaryVietnameseTextHasNoProblem(string? text) => Assert.Null(TextRules.Problem("name", text));

    [Theory]
    [InlineData("Sở\u0000", "U+0000")]
    [InlineData("Sở\tTài", "U+0009")]
    [InlineData("Sở\u200BTài", "U+200B")]
    [InlineData("\u202Eníhc iàT", "U+202E")]
    [InlineData("Sở \U000E0041", "U+E0041")]
    public void AProblemNamesTheFieldAndTheCharacter(string text, string named)
    {
        var problem = TextRules.Problem("agencyName", text);
        Assert.NotNull(problem);
        Assert.StartsWith("agencyName ", problem, StringComparison.Ordinal);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneSurrogateIsNotText()
    {
        var broken = "Sở" + (char)0xD800 + "Tài";
        Assert.Contains("surrogate", TextRules.Problem("name", broken), StringComparison.Ordinal);
    }

    [Fact]
    public void MultiLineTextMayHoldTabAndLineBreaksButNoOtherControlCharacter()
    {
        Assert.Null(TextRules.Problem("caseNote", "Một:\r\n\tHai", multiLine: true));
        Assert.NotNull(TextRules.Problem("caseNote", "Một\u0000", multiLine: true));
        Assert.NotNull(TextRules.Problem("caseNote", "Một\u200D", multiLine: true));
    }

    [Fact]
    public void NormalizeGivesNfc()
    {
        var decomposed = "Thủ tục".Normalize(NormalizationForm.FormD);
        Assert.Equal("Thủ tục".Normalize(NormalizationForm.FormC), TextRules.Normalize(decomposed));
        Assert.Null(TextRules.Normalize(null));
    }

    [Fact]
    public void NameKeysAreTheSameForTwinsAndDifferForOtherNames()
    {
        var key = TextRules.NameKey("Sở Tài chính");
        Assert.All(new[] { "Sở Tài chính".Normalize(NormalizationForm.FormD), "SỞ TÀI CHÍNH", "  sở   tài chính ", "Ｓở Tài chính" },
            twin => Assert.Equal(key, TextRules.NameKey(twin)));
        Assert.NotEqual(key, TextRules.NameKey("Sở Tài chinh"));
        Assert.NotEqual(TextRules.NameKey("Đất"), TextRules.NameKey("Dat"));
    }
}
