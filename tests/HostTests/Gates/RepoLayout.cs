using System;
using System.IO;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>Where things are in the repository, found from the test's own location.</summary>
    public static class RepoLayout
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        /// <summary>The folder holding InterfaceFirmware.sln.</summary>
        public static string Root => RootPath.Value;

        public static string Path(params string[] parts)
        {
            return System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));
        }

        public static string AllowlistDirectory => Path("tests", "HostTests", "Gates", "Allowlist");

        private static string FindRoot()
        {
            for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "InterfaceFirmware.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("InterfaceFirmware.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
