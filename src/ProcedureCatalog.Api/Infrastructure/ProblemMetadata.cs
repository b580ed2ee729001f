namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>Documents a problem response of an endpoint unless the endpoint already documents that status.</summary>
public static class ProblemMetadata
{
    public static void AddIfMissing(EndpointBuilder builder, int status, Type? problemType = null)
    {
        if (!builder.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Any(metadata => metadata.StatusCode == status))
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, problemType ?? typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }
    }
}
