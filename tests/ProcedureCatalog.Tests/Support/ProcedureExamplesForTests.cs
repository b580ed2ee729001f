using ProcedureCatalog.Api.Procedures;

namespace ProcedureCatalog.Tests.Support;

internal static class ProcedureExamplesForTests
{
    public static ProcedureUpdate Update(long fieldId, long agencyId) => new(
        "1.999999", "Thủ tục cập nhật", ProcedureLevel.Province, ProcedureKind.External, true, OnlineLevel.Partial, true, true,
        fieldId, agencyId, null, []);
}
