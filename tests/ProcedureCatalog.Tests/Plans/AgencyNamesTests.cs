using ProcedureCatalog.Api.Plans;

namespace ProcedureCatalog.Tests.Plans;

/// <summary>The agencies an annex cell names, one by one, and which of them are the jurisdiction's agencies.</summary>
public sealed class AgencyNamesTests
{
    [Theory]
    [InlineData("Sở Tài chính, Sở Khoa học và Công nghệ", new[] { "Sở Tài chính", "Sở Khoa học và Công nghệ" })]
    [InlineData("Các sở, ban, ngành thành phố; UBND cấp xã", new[] { "Các sở, ban, ngành thành phố", "UBND cấp xã" })]
    [InlineData("Sở Khoa học và Công nghệ\nVăn phòng UBND thành phố", new[] { "Sở Khoa học và Công nghệ", "Văn phòng UBND thành phố" })]
    [InlineData("Các cơ quan, đơn vị thành phố; UBND các xã, phường.", new[] { "Các cơ quan, đơn vị thành phố", "UBND các xã, phường" })]
    [InlineData("Văn phòng HĐND-UBND thành phố; phòng Văn hóa, Khoa học và Thông tin và các đơn vị có liên quan.",
        new[] { "Văn phòng HĐND-UBND thành phố", "phòng Văn hóa, Khoa học và Thông tin", "các đơn vị có liên quan" })]
    [InlineData("Sở Nội vụ; Sở Nội vụ", new[] { "Sở Nội vụ" })]
    public void ACellIsSplitAtLineBreaksSemicolonsAndCommasBeforeTheNextAgency(string cell, string[] names) =>
        Assert.Equal(names, AgencyNames.Split(cell));

    [Fact]
    public void AnEmptyCellNamesNoAgency() => Assert.Empty(AgencyNames.Split(" \n "));

    [Fact]
    public void ANameIsTheJurisdictionsAgencyAsWrittenOrCompletedWithTheJurisdictionsName()
    {
        var catalogue = new AgencyNames.Catalogue("Thành phố Cần Thơ",
            [(21, "Sở Tài chính thành phố Cần Thơ"), (27, "Văn phòng UBND thành phố Cần Thơ"), (30, "UBND phường Ninh Kiều")]);
        Assert.Equal(21, catalogue.Match("Sở Tài chính"));
        Assert.Equal(21, catalogue.Match("SỞ TÀI CHÍNH  thành phố Cần Thơ"));
        Assert.Equal(27, catalogue.Match("Văn phòng UBND thành phố"));
        Assert.Equal(30, catalogue.Match("UBND phường Ninh Kiều"));
        Assert.Null(catalogue.Match("Các sở, ban, ngành thành phố"));
        Assert.Null(catalogue.Match("UBND cấp xã"));
        Assert.Equal("Sở Tài chính thành phố Cần Thơ", catalogue.NameOf(21));
    }

    [Fact]
    public void AProvincesCityLevelOfficeIsNotTakenForTheProvinces()
    {
        var catalogue = new AgencyNames.Catalogue("Tỉnh Điện Biên", [(6, "Sở Tài chính tỉnh Điện Biên"), (9, "UBND thành phố Điện Biên Phủ")]);
        Assert.Equal(6, catalogue.Match("Sở Tài chính"));
        Assert.Null(catalogue.Match("Văn phòng HĐND-UBND thành phố"));
        Assert.Null(catalogue.Match("UBND thành phố"));
    }
}
