using System.Net;
using System.Net.Http.Json;
using ProcedureCatalog.Api.Agencies;
using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.Fields;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Jurisdictions;
using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Tests.Support;

/// <summary>Builds test data through the public API, so that tests exercise the same path as clients.</summary>
public sealed class CatalogBuilder(HttpClient client)
{
    public async Task<string> Jurisdiction(string code, string name = "Tỉnh thử nghiệm")
    {
        var existing = await client.Get($"/api/v1/jurisdictions/{code}");
        if (existing.StatusCode == HttpStatusCode.OK)
        {
            return code;
        }

        var level = code == "VN" ? JurisdictionLevel.Central : JurisdictionLevel.Province;
        await (await client.PostJson("/api/v1/jurisdictions", new JurisdictionCreate(code, name, level))).ReadAs<Jurisdiction>(HttpStatusCode.Created);
        return code;
    }

    public async Task<long> Field(string name)
    {
        var response = await client.PostJson("/api/v1/fields", new FieldInput(name));
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var all = await (await client.Get("/api/v1/fields")).ReadAs<List<Field>>(HttpStatusCode.OK);
            return all.Single(field => field.Name == name).Id;
        }

        return (await response.ReadAs<Field>(HttpStatusCode.Created)).Id;
    }

    public async Task<long> Agency(string jurisdiction, string name)
    {
        await Jurisdiction(jurisdiction);
        var response = await client.PostJson("/api/v1/agencies", new AgencyCreate(jurisdiction, name));
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var all = await (await client.Get($"/api/v1/agencies?jurisdiction={jurisdiction}")).ReadAs<List<Agency>>(HttpStatusCode.OK);
            return all.Single(agency => agency.Name == name).Id;
        }

        return (await response.ReadAs<Agency>(HttpStatusCode.Created)).Id;
    }

    /// <summary>The natural-key PUT body of a procedure to create, under another name.</summary>
    public static ProcedureUpsert Upsert(ProcedureCreate input, string name) => new(
        name, input.Level, input.Kind, input.BusinessRelated, input.OnlineLevel, input.FullOnlineEligible, input.BoundaryFree, input.FieldId, input.AgencyId,
        input.LastReviewedOn, input.LegalBasis, input.Documents);

    /// <summary>
    /// Imports <paramref name="count"/> generated procedures of one field and agency (created by the import), each with a long
    /// name and, when asked, a processing time of 10 working days since 2024 (none of them cut: every one a laggard).
    /// </summary>
    public async Task Generated(string jurisdiction, int count, bool withTime = false)
    {
        await Jurisdiction(jurisdiction);
        var csv = new System.Text.StringBuilder("code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,timeEffectiveFrom,timeAmount,timeUnit,timeDecisionRef\n");
        for (var row = 0; row < count; row++)
        {
            var time = withTime ? "2024-01-01,10,working-days,1/QĐ-UBND" : ",,,";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"1.{row:D6},\"Thủ tục có một cái tên khá dài để báo cáo có nhiều byte, số {row}\",province,external,true,full,true,true,Xây dựng,Sở Xây dựng,{time}\n");
        }

        var result = await client.ImportAndWait(jurisdiction, new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv.ToString())), "text/csv", createMissing: true);
        Assert.Equal("succeeded", result.Status);
    }

    public async Task<ProcedureCreate> NewProcedure(
        string jurisdiction, string code, string name = "Đăng ký kinh doanh hộ gia đình",
        ProcedureKind kind = ProcedureKind.External, bool businessRelated = true, string field = "Đăng ký kinh doanh",
        string agency = "Sở Tài chính", IReadOnlyList<DocumentInput>? documents = null)
    {
        var fieldId = await Field(field);
        var agencyId = await Agency(jurisdiction, agency);
        return new ProcedureCreate(jurisdiction, code, name, ProcedureLevel.Province, kind, businessRelated, OnlineLevel.Partial,
            FullOnlineEligible: true, BoundaryFree: true, fieldId, agencyId, new DateOnly(2025, 6, 1),
            [new LegalBasisEntry("59/2020/QH14", "Luật Doanh nghiệp", new DateOnly(2020, 6, 17), "Quốc hội")],
            documents ?? [new DocumentInput("Giấy đề nghị", "Mẫu 01", 1, 0, null, false, null)]);
    }

    public async Task<ProcedureDetail> Procedure(string jurisdiction, string code, string name = "Đăng ký kinh doanh hộ gia đình",
        ProcedureKind kind = ProcedureKind.External, bool businessRelated = true, string field = "Đăng ký kinh doanh", string agency = "Sở Tài chính")
    {
        var input = await NewProcedure(jurisdiction, code, name, kind, businessRelated, field, agency);
        return await (await client.PostJson("/api/v1/procedures", input)).ReadAs<ProcedureDetail>(HttpStatusCode.Created);
    }

    public async Task<TimeEntry> Time(long procedureId, string effectiveFrom, decimal amount, TimeUnit unit = TimeUnit.WorkingDays, string decision = "1/QĐ-UBND") =>
        await (await client.PostJson($"/api/v1/procedures/{procedureId}/time-history",
            new TimeEntryInput(DateOnly.Parse(effectiveFrom, System.Globalization.CultureInfo.InvariantCulture), amount, unit, decision)))
            .ReadAs<TimeEntry>(HttpStatusCode.Created);

    public async Task<ProcedureCatalog.Api.Tariffs.Tariff> Tariff(string jurisdiction, int year, long hourlyTariffVnd)
    {
        await Jurisdiction(jurisdiction);
        var response = await client.PutJson($"/api/v1/tariffs/{jurisdiction}/{year}", new ProcedureCatalog.Api.Tariffs.TariffInput(hourlyTariffVnd));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<ProcedureCatalog.Api.Tariffs.Tariff>(CatalogApiFactory.Json, TestContext.Current.CancellationToken))!;
    }

    public async Task<ProcedureDetail> Abolish(long procedureId, string abolishedOn)
    {
        var current = await (await client.Get($"/api/v1/procedures/{procedureId}")).ReadAs<ProcedureDetail>(HttpStatusCode.OK);
        return await (await client.PutJson($"/api/v1/procedures/{procedureId}/status",
            new ProcedureStatusChange(ProcedureStatus.Abolished, DateOnly.Parse(abolishedOn, System.Globalization.CultureInfo.InvariantCulture)), HttpAssertions.Tag(current.Id, current.Version)))
            .ReadAs<ProcedureDetail>(HttpStatusCode.OK);
    }

    public async Task<CostEntry> Cost(long procedureId, string effectiveFrom, long fee, long other, decimal hours, long? filings = null, string decision = "1/QĐ-UBND") =>
        await (await client.PostJson($"/api/v1/procedures/{procedureId}/cost-history",
            new CostEntryInput(DateOnly.Parse(effectiveFrom, System.Globalization.CultureInfo.InvariantCulture), fee, other, hours, filings, decision)))
            .ReadAs<CostEntry>(HttpStatusCode.Created);
}
