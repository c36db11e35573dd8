using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// The nanoFramework 1.x API the device build can bind to, read from the data files in
    /// Allowlist/ (one per package, written from the nanoFramework sources; see each file's header).
    /// Lines: <c>T type</c>, <c>M Type::Name(ParamTypes) : Return</c>, <c>F Type::Name : Type</c>,
    /// <c>D Delegate(ParamTypes) : Return</c>; <c>[package Id]</c> starts a package; # comments.
    /// </summary>
    public sealed class NanoApiAllowlist
    {
        private readonly Dictionary<string, HashSet<string>> _typePackages = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _memberPackages = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        private NanoApiAllowlist()
        {
        }

        /// <summary>Package id → number of type, member and field lines.</summary>
        public IReadOnlyDictionary<string, (int Types, int Members, int Fields, int Delegates)> Counts { get; private set; }

        public IReadOnlyCollection<string> Packages => Counts.Keys.ToArray();

        public static NanoApiAllowlist Load(string directory)
        {
            var allowlist = new NanoApiAllowlist();
            var counts = new Dictionary<string, (int, int, int, int)>();
            foreach (string file in Directory.GetFiles(directory, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
            {
                string package = null;
                int lineNumber = 0;
                foreach (string rawLine in File.ReadLines(file))
                {
                    lineNumber++;
                    string line = rawLine.Trim();
                    if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (line.StartsWith("[package ", StringComparison.Ordinal) && line.EndsWith("]", StringComparison.Ordinal))
                    {
                        package = line.Substring(9, line.Length - 10).Trim();
                        if (!counts.ContainsKey(package))
                        {
                            counts[package] = (0, 0, 0, 0);
                        }

                        continue;
                    }

                    if (package == null || line.Length < 3 || line[1] != ' ')
                    {
                        throw new FormatException(System.IO.Path.GetFileName(file) + ":" + lineNumber + ": not an allowlist line: " + rawLine);
                    }

                    string body = line.Substring(2).Trim();
                    (int t, int m, int f, int d) = counts[package];
                    switch (line[0])
                    {
                        case 'T':
                            allowlist.AddType(body, package);
                            t++;
                            break;
                        case 'M':
                            allowlist.AddMember(body, package);
                            m++;
                            break;
                        case 'F':
                            allowlist.AddMember(body, package);
                            f++;
                            break;
                        case 'D':
                            allowlist.AddDelegate(body, package);
                            d++;
                            break;
                        default:
                            throw new FormatException(System.IO.Path.GetFileName(file) + ":" + lineNumber + ": unknown line kind: " + rawLine);
                    }

                    counts[package] = (t, m, f, d);
                }
            }

            allowlist.Counts = counts;
            return allowlist;
        }

        public bool HasType(string typeName) => _typePackages.ContainsKey(typeName);

        public bool HasMember(string member) => _memberPackages.ContainsKey(member);

        /// <summary>The packages that provide a type or member (empty when none does).</summary>
        public IReadOnlyCollection<string> PackagesOf(string typeOrMember)
        {
            if (_memberPackages.TryGetValue(typeOrMember, out HashSet<string> packages) || _typePackages.TryGetValue(typeOrMember, out packages))
            {
                return packages;
            }

            return Array.Empty<string>();
        }

        private void AddType(string typeName, string package)
        {
            Add(_typePackages, typeName, package);
        }

        private void AddMember(string member, string package)
        {
            if (member.IndexOf("::", StringComparison.Ordinal) < 0)
            {
                throw new FormatException("member without '::': " + member);
            }

            Add(_memberPackages, member, package);
        }

        // "D Name(Params) : Return" allows the type, its constructor and Invoke.
        private void AddDelegate(string body, string package)
        {
            int open = body.IndexOf('(');
            int colon = body.LastIndexOf(" : ", StringComparison.Ordinal);
            if (open < 0 || colon < open)
            {
                throw new FormatException("delegate line: " + body);
            }

            string name = body.Substring(0, open);
            string parameters = body.Substring(open, colon - open);
            string returnType = body.Substring(colon + 3);
            AddType(name, package);
            AddMember(name + "::.ctor(System.Object,System.IntPtr) : System.Void", package);
            AddMember(name + "::Invoke" + parameters + " : " + returnType, package);
        }

        private static void Add(Dictionary<string, HashSet<string>> map, string key, string package)
        {
            if (!map.TryGetValue(key, out HashSet<string> packages))
            {
                packages = new HashSet<string>(StringComparer.Ordinal);
                map[key] = packages;
            }

            packages.Add(package);
        }
    }
}
