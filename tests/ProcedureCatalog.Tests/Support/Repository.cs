namespace ProcedureCatalog.Tests.Support;

public static class Repository
{
    /// <summary>The checkout's top folder, found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ProcedureCatalog.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ProcedureCatalog.sln not found above " + AppContext.BaseDirectory);
    }
}
