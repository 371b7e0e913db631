using System;
using System.IO;

namespace HipaaAnalyzers.Tests.Infrastructure
{
    /// <summary>Finds the repository root (the folder holding HipaaAnalyzers.sln) from the test's output folder.</summary>
    public static class Repository
    {
        public static readonly string Root = FindRoot();

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "HipaaAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("HipaaAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
